package dev.arbiter.scenarios.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The deflated Sharpe ratio against the paper's formula worked through step by step. */
class DeflatedSharpeTest {

    private static final double[] RETURNS = {0.01, -0.005, 0.02, 0.0, 0.015, -0.01, 0.005, 0.012};
    private static final List<Double> TRIALS = List.of(0.1, 0.3, 0.2, 0.25);

    @Test
    void matchesTheFormulaWorkedByHand() {
        // mean 0.005875, sample sd 0.0103016989: SR = 0.5702942848 per bar
        // skew (bias-corrected) -0.2809238519, kurtosis (bias-corrected excess + 3) 1.9700458240
        // trials' SR variance (n-1) = 0.0072916667; N = 4, g = 0.5772156649:
        //   SR0 = sqrt(0.0072916667) * ((1-g) * Z^-1(0.75) + g * Z^-1(1 - 1/(4e))) = 0.0898420898
        assertEquals(0.0898420898, DeflatedSharpe.expectedMaxSharpe(TRIALS), 1e-9);
        // DSR = Z((0.5702942848 - 0.0898420898) * sqrt(7) / sqrt(1 + 0.2809238519 * 0.5702942848
        //        + (1.9700458240 - 1) / 4 * 0.5702942848^2)) = Z(1.1413...) = 0.8732636805
        assertEquals(0.8732636805, DeflatedSharpe.of(RETURNS, TRIALS), 1e-8);
    }

    @Test
    void oneTrialIsNotDeflated() {
        assertEquals(0, DeflatedSharpe.expectedMaxSharpe(List.of(0.4)), 0);
    }

    @Test
    void moreTrialsDeflateMore() {
        List<Double> many = new java.util.ArrayList<>(TRIALS);
        for (int i = 0; i < 96; i++) {
            many.add(0.1 + 0.2 * (i % 5) / 4);
        }
        assertEquals(true, DeflatedSharpe.of(RETURNS, many) < DeflatedSharpe.of(RETURNS, TRIALS));
    }
}
