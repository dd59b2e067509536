package dev.arbiter.solver.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AmountsTest {

    @ParameterizedTest(name = "{0} lots of {1} = {2}")
    @CsvSource({"50, 0.01, 0.50", "0, 0.01, 0.00", "13, 0.1, 1.3", "7, 0.010, 0.07", "3, 1E+1, 30", "2, 1, 2"})
    void writesQuantitiesAtTheLotSizesScale(long lots, String lotSize, String quantity) {
        BigDecimal written = Amounts.quantityOf(lots, new BigDecimal(lotSize));

        assertThat(written.toPlainString()).isEqualTo(quantity);
        assertThat(written.scale()).isEqualTo(Amounts.lotScale(new BigDecimal(lotSize)));
    }
}
