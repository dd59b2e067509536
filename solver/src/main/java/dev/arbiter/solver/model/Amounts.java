package dev.arbiter.solver.model;

import java.math.BigDecimal;

/**
 * How quantities and money are written in explanations, so every sentence the solver produces reads
 * the same way. Formatting only: no value is rounded.
 */
public final class Amounts {

    private static final int MONEY_MIN_SCALE = 2;

    private Amounts() {
    }

    /** Money with at least two decimals and no further trailing zeros: 50000 → "50000.00", 0.000123400 → "0.0001234". */
    public static String money(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < MONEY_MIN_SCALE
                ? stripped.setScale(MONEY_MIN_SCALE).toPlainString()
                : stripped.toPlainString();
    }

    /** A plain number without trailing zeros or exponent: 0.50 → "0.5", 1E+1 → "10". */
    public static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0).toPlainString() : stripped.toPlainString();
    }

    /**
     * The scale quantities of an instrument are written with: the lot size's, trailing zeros stripped
     * (lot 0.010 → 2, lot 1 or 10 → 0).
     */
    public static int lotScale(BigDecimal lotSize) {
        return Math.max(0, lotSize.stripTrailingZeros().scale());
    }

    /** {@code lots} whole lots of {@code lotSize}, exact, written at the {@linkplain #lotScale lot scale}. */
    public static BigDecimal quantityOf(long lots, BigDecimal lotSize) {
        return lotSize.multiply(BigDecimal.valueOf(lots)).setScale(lotScale(lotSize));
    }
}
