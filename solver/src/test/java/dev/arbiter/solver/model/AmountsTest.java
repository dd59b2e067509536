package dev.arbiter.solver.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AmountsTest {

    @ParameterizedTest(name = "money({0}) = {1}")
    @CsvSource({
            "50000,       50000.00",
            "12.0000,     12.00",
            "0.5,         0.50",
            "315.0525,    315.0525",
            "0.000123400, 0.0001234",
            "1E+3,        1000.00",
            "-12.5,       -12.50"})
    void writesMoneyWithAtLeastTwoDecimalsAndNoTrailingZerosBeyond(String amount, String written) {
        assertThat(Amounts.money(new BigDecimal(amount))).isEqualTo(written);
    }

    @ParameterizedTest(name = "plain({0}) = {1}")
    @CsvSource({"0.50, 0.5", "1E+1, 10", "0.010, 0.01", "3, 3"})
    void writesPlainNumbersWithoutTrailingZerosOrExponent(String value, String written) {
        assertThat(Amounts.plain(new BigDecimal(value))).isEqualTo(written);
    }

    @ParameterizedTest(name = "{0} lots of {1} = {2}")
    @CsvSource({"50, 0.01, 0.50", "0, 0.01, 0.00", "13, 0.1, 1.3", "7, 0.010, 0.07", "3, 1E+1, 30", "2, 1, 2"})
    void writesQuantitiesAtTheLotSizesScale(long lots, String lotSize, String quantity) {
        BigDecimal written = Amounts.quantityOf(lots, new BigDecimal(lotSize));

        assertThat(written.toPlainString()).isEqualTo(quantity);
        assertThat(written.scale()).isEqualTo(Amounts.lotScale(new BigDecimal(lotSize)));
    }
}
