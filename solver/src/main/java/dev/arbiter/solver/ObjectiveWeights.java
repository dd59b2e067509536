package dev.arbiter.solver;

import static dev.arbiter.kb.Require.nonNegative;

import java.math.BigDecimal;

/**
 * The weights of the soft objective, from the parameters file. For each order of value n (money):
 * <pre>
 *   expected return  μ·n,  μ = returnPerConviction × conviction + predictionWeight × edge
 *   risk             riskAversion / (2 × equity) × (portfolio variance added by the orders, money²)
 *   trading costs    (feeRate + slippageRate) × n
 *   turnover         turnoverPenalty × n
 * </pre>
 * where {@code edge} is the candidate's predicted edge in its own direction (see
 * {@link AllocationCandidate#predictedUpEdge()}). All weights &ge; 0.
 *
 * @param returnPerConviction expected return over the horizon per unit of conviction, e.g. 0.01
 * @param predictionWeight    expected return over the horizon per unit of predicted edge, e.g. 0.01
 * @param riskAversion        γ of mean-variance utility, dimensionless, e.g. 2 (0 ignores risk)
 * @param feeRate             fee per unit of order value, e.g. 0.001 (10 bps)
 * @param slippageRate        expected slippage per unit of order value, e.g. 0.0005
 * @param turnoverPenalty     small extra cost per unit of order value, so that of two equal allocations
 *                            the one trading less wins
 */
public record ObjectiveWeights(BigDecimal returnPerConviction, BigDecimal predictionWeight, BigDecimal riskAversion,
                               BigDecimal feeRate, BigDecimal slippageRate, BigDecimal turnoverPenalty) {

    private static final String FACT = "ObjectiveWeights";

    public ObjectiveWeights {
        nonNegative(FACT, "returnPerConviction", returnPerConviction);
        nonNegative(FACT, "predictionWeight", predictionWeight);
        nonNegative(FACT, "riskAversion", riskAversion);
        nonNegative(FACT, "feeRate", feeRate);
        nonNegative(FACT, "slippageRate", slippageRate);
        nonNegative(FACT, "turnoverPenalty", turnoverPenalty);
    }

    /** Conviction-weighted notional alone: return per conviction 1, no risk, no costs. */
    public static ObjectiveWeights convictionOnly() {
        return new ObjectiveWeights(BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** Fees plus slippage per unit of order value. */
    public BigDecimal costRate() {
        return feeRate.add(slippageRate);
    }
}
