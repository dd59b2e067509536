package dev.arbiter.kb.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FiguresTest {

    @ParameterizedTest(name = "money({0}) = {1}")
    @CsvSource({
            "50000,         50000.00",
            "12.0000,       12.00",
            "0.5,           0.50",
            "315.0525,      315.0525",
            "0.000123400,   0.0001234",
            "1E+3,          1000.00",
            "1E+5,          100000.00",
            "-12.5,         -12.50",
            "0.00,          0.00",
            "-0.000,        0.00",
            "0.2999999999999999999999, 0.2999999999999999999999",
            "25000.0012,    25000.0012"})
    void writesMoneyWithAtLeastTwoDecimalsAndNoTrailingZerosBeyond(String amount, String written) {
        assertThat(Figures.money(new BigDecimal(amount))).isEqualTo(written);
    }

    @ParameterizedTest(name = "plain({0}) = {1}")
    @CsvSource({"0.50, 0.5", "1E+1, 10", "0.010, 0.01", "3, 3", "10.00, 10", "0.000, 0", "1E-9, 0.000000001",
            "123456789012345678901234567890, 123456789012345678901234567890"})
    void writesPlainNumbersWithoutTrailingZerosOrExponent(String value, String written) {
        assertThat(Figures.plain(new BigDecimal(value))).isEqualTo(written);
    }

    @Test
    void writesDoublesByTheirShortestDecimalForm() {
        assertThat(Figures.money(146.69000000000003)).isEqualTo("146.69");
        assertThat(Figures.money(9780.0)).isEqualTo("9780.00");
        assertThat(Figures.money(1.123456789)).isEqualTo("1.12345679");
    }
}
