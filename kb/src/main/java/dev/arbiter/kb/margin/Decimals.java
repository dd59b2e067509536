package dev.arbiter.kb.margin;

import java.math.MathContext;

/** The precision of every division in the margin model: 34 significant digits, half-even. */
final class Decimals {

    static final MathContext CONTEXT = MathContext.DECIMAL128;

    private Decimals() {
    }
}
