package dev.arbiter.solver.constraints;

import static dev.arbiter.kb.text.Figures.money;

import java.math.BigDecimal;

/**
 * Gross exposure with the chosen orders lies above the limit. Amounts keep no trailing zeros, so
 * records compare numerically.
 *
 * @param ordersNotional       sum of the new orders' notional (both sides count)
 * @param currentGrossExposure exposure the account already carries
 * @param maxGrossExposure     the limit
 */
public record GrossExposureJustification(BigDecimal ordersNotional, BigDecimal currentGrossExposure,
                                         BigDecimal maxGrossExposure) implements AllocationJustification {

    public GrossExposureJustification {
        ordersNotional = ordersNotional.stripTrailingZeros();
        currentGrossExposure = currentGrossExposure.stripTrailingZeros();
        maxGrossExposure = maxGrossExposure.stripTrailingZeros();
    }

    public BigDecimal grossExposure() {
        return currentGrossExposure.add(ordersNotional);
    }

    public BigDecimal excess() {
        return grossExposure().subtract(maxGrossExposure);
    }

    @Override
    public String description() {
        return "gross exposure " + money(grossExposure()) + " (new orders " + money(ordersNotional)
                + " + existing " + money(currentGrossExposure) + ") is above the limit " + money(maxGrossExposure)
                + " by " + money(excess());
    }
}
