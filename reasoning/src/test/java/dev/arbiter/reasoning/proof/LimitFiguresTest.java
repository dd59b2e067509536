package dev.arbiter.reasoning.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LimitFiguresTest {

    @ParameterizedTest(name = "{0} is shown as {1}")
    @CsvSource({
            "50000, 50000",
            "61234.50, 61234.50",
            "61234.500, 61234.50",
            "100.000, 100.00",
            "0.12345, 0.12345",
            "0.123450, 0.12345",
            "-3, -3",
            "1E+3, 1000",
    })
    void showsExactNumbersWithoutTrailingZerosBeyondTheCents(String value, String shown) {
        assertThat(LimitFigures.show(new BigDecimal(value))).isEqualTo(shown);
    }
}
