package dev.arbiter.kb.margin;

import static dev.arbiter.kb.Require.nonNegative;
import static dev.arbiter.kb.Require.positive;
import static dev.arbiter.kb.Require.present;

import dev.arbiter.kb.InvalidFactException;
import java.math.BigDecimal;

/**
 * One notional bracket of a contract's margin table, as the venue publishes it: positions whose notional lies in
 * {@code [notionalFloor, notionalCap)} may use at most {@code maxLeverage} and must keep
 * {@code notional × maintenanceRate − maintenanceAmount} as maintenance margin.
 *
 * @param notionalCap       the bracket's upper bound, exclusive; null for the last bracket
 * @param maintenanceAmount the venue's "maintenance amount" (cum): what makes the maintenance margin continuous
 *                          across brackets, {@link ContractTerms#tiered} derives it
 */
public record MarginTier(BigDecimal notionalFloor, BigDecimal notionalCap, BigDecimal maxLeverage,
                         BigDecimal maintenanceRate, BigDecimal maintenanceAmount) {

    private static final String FACT = "MarginTier";

    public MarginTier {
        nonNegative(FACT, "notionalFloor", notionalFloor);
        if (notionalCap != null && notionalCap.compareTo(notionalFloor) <= 0) {
            throw new InvalidFactException(FACT, "notionalCap", notionalCap,
                    "a number > notionalFloor (" + notionalFloor.toPlainString() + "), or none for the last bracket");
        }
        positive(FACT, "maxLeverage", maxLeverage);
        nonNegative(FACT, "maintenanceRate", maintenanceRate);
        if (maintenanceRate.compareTo(BigDecimal.ONE) > 0) {
            throw new InvalidFactException(FACT, "maintenanceRate", maintenanceRate, "a fraction between 0 and 1");
        }
        present(FACT, "maintenanceAmount", maintenanceAmount);
    }

    /** Whether a position of this notional falls in the bracket. */
    public boolean holds(BigDecimal notional) {
        return notional.compareTo(notionalFloor) >= 0 && (notionalCap == null || notional.compareTo(notionalCap) < 0);
    }

    /** The maintenance margin a position of this notional must keep in this bracket. */
    public BigDecimal maintenanceMargin(BigDecimal notional) {
        return notional.multiply(maintenanceRate).subtract(maintenanceAmount).max(BigDecimal.ZERO);
    }
}
