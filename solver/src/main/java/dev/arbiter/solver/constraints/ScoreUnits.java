package dev.arbiter.solver.constraints;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The integer units the {@code HardSoftLongScore} counts in. Money is converted exactly and
 * deterministically: the same amounts always give the same units, whatever the order they come in.
 *
 * <ul>
 *   <li>Soft, risk: the risk penalty (computed in {@code double}) in units of 0.0001, rounded half up
 *       per match.</li>
 *   <li>Soft: expected return, costs (money) in units of 0.0001 (four decimals), rounded half-even per
 *       order. A soft score of 4800000 is 480.0000 of conviction-weighted notional.</li>
 *   <li>Hard, gross exposure: the amount above the limit in units of 0.01, rounded up, so any excess,
 *       however small, costs at least one unit and can never round to feasible.</li>
 *   <li>Hard, position quantity: the quantity above the limit in units of 0.01, rounded up.</li>
 *   <li>Hard, proposal cap: whole lots above the cap (already an integer).</li>
 * </ul>
 *
 * Units fit a {@code long} as long as the potential gross exposure stays below
 * {@link #MAX_SCORED_AMOUNT}; the allocator refuses larger problems rather than overflow.
 */
public final class ScoreUnits {

    /** Decimal places of the soft unit. */
    public static final int SOFT_SCALE = 4;
    /** Decimal places of the gross-exposure penalty unit. */
    public static final int HARD_MONEY_SCALE = 2;
    /** The largest potential gross exposure (money) the units are guaranteed to hold without overflow. */
    public static final BigDecimal MAX_SCORED_AMOUNT = new BigDecimal("100000000000000"); // 1e14

    private ScoreUnits() {
    }

    /** Conviction-weighted notional in soft units of 0.0001, rounded half-even. */
    public static long soft(BigDecimal convictionWeightedNotional) {
        return convictionWeightedNotional.setScale(SOFT_SCALE, RoundingMode.HALF_EVEN).unscaledValue().longValueExact();
    }

    /**
     * A money amount computed in {@code double} (the risk term), in soft units of 0.0001, rounded half up.
     * Deterministic: the same inputs give the same double on every JVM (Java floating point is strict).
     */
    public static long softDouble(double amount) {
        return Math.round(amount * 10_000.0);
    }

    /** A quantity above a limit (position quantity), in hard units of 0.01 of the instrument, rounded up. */
    public static long hardQuantity(BigDecimal excess) {
        return hardMoney(excess);
    }

    /** An amount of money above a limit, in hard units of 0.01, rounded up (away from zero). */
    public static long hardMoney(BigDecimal excess) {
        return excess.setScale(HARD_MONEY_SCALE, RoundingMode.UP).unscaledValue().longValueExact();
    }
}
