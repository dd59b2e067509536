package dev.arbiter.solver.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The problem fact behind the stressed-leverage constraint, present only when the market is stressed:
 * a candidate's instrument is in a stressed regime (high volatility or crisis). It then applies to the
 * whole portfolio instead of the ordinary leverage limit: existing gross + Σ order value &le;
 * maxLeverageStressed × equity. An existing breach makes the problem infeasible, as for leverage.
 *
 * @param maxLeverageStressed  the stressed leverage limit, for sentences
 * @param maxLeveragedExposure maxLeverageStressed × equity
 * @param currentGrossExposure gross exposure before the orders
 * @param stressedBy           why the market counts as stressed, e.g. {@code "BTC-USD in HIGH_VOLATILITY"}
 */
public record StressedLeverageLimit(BigDecimal maxLeverageStressed, BigDecimal maxLeveragedExposure,
                                    BigDecimal currentGrossExposure, String stressedBy) {

    public StressedLeverageLimit {
        Objects.requireNonNull(maxLeverageStressed, "maxLeverageStressed");
        Objects.requireNonNull(maxLeveragedExposure, "maxLeveragedExposure");
        Objects.requireNonNull(currentGrossExposure, "currentGrossExposure");
        Objects.requireNonNull(stressedBy, "stressedBy");
    }

    /** Money above maxLeverageStressed × equity with orders worth {@code orders}; ≤ 0 when within. */
    public BigDecimal excess(BigDecimal orders) {
        return currentGrossExposure.add(orders).subtract(maxLeveragedExposure);
    }
}
