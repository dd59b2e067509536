package dev.arbiter.solver.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The problem fact behind the gross-exposure constraint: the limit, and the exposure the account
 * already carries (existing positions and open orders) before any new order.
 *
 * @param maxGrossExposure     the most the account's gross exposure may reach
 * @param currentGrossExposure gross exposure already used before the new orders
 */
public record GrossExposureLimit(BigDecimal maxGrossExposure, BigDecimal currentGrossExposure) {

    public GrossExposureLimit {
        Objects.requireNonNull(maxGrossExposure, "maxGrossExposure");
        Objects.requireNonNull(currentGrossExposure, "currentGrossExposure");
    }

    /** Gross exposure once orders worth {@code ordersNotional} are added to what the account carries. */
    public BigDecimal grossWith(BigDecimal ordersNotional) {
        return currentGrossExposure.add(ordersNotional);
    }

    /** How far gross exposure with these orders lies above the limit; zero or negative when within it. */
    public BigDecimal excessWith(BigDecimal ordersNotional) {
        return grossWith(ordersNotional).subtract(maxGrossExposure);
    }

    public boolean isExceededWith(BigDecimal ordersNotional) {
        return excessWith(ordersNotional).signum() > 0;
    }
}
