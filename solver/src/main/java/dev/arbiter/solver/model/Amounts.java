package dev.arbiter.solver.model;

import java.math.BigDecimal;

/**
 * Quantities as whole lots: the scale an instrument's quantities carry in orders and answers. How
 * figures read in sentences is {@link dev.arbiter.kb.text.Figures}'s.
 */
public final class Amounts {

    private Amounts() {
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
