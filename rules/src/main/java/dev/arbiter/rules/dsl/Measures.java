package dev.arbiter.rules.dsl;

import java.math.BigDecimal;
import java.math.MathContext;

/** Arithmetic rules need in their conditions, kept exact (BigDecimal) and named for what it means. */
public final class Measures {

    private Measures() {
    }

    /** |price - reference| / reference: how far a price sits from a reference, as a fraction. */
    public static BigDecimal relativeDistance(BigDecimal price, BigDecimal reference) {
        return price.subtract(reference).abs().divide(reference, MathContext.DECIMAL64);
    }

    /** value / reference as a double, for volatility-style ratios of indicator values. */
    public static double ratio(double value, BigDecimal reference) {
        return value / reference.doubleValue();
    }
}
