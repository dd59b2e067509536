package dev.arbiter.kb.text;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How figures are written in every sentence Arbiter produces: rule messages, the sizing's reasons, the
 * proof's counterexamples and the explanations. One definition, so a rule's "order 13040.00" and the
 * sizing's "order value 13040.00" read alike.
 * <ul>
 *   <li><b>Money</b> (equity, exposure, order value, margin, losses, balances): at least two decimals,
 *       more only where the amount has them (25000.0012 is above 25000.00, and reads so).</li>
 *   <li><b>Plain numbers</b> (quantities, prices, limits that are counts or multiples): no trailing
 *       zeros.</li>
 * </ul>
 * Neither uses an exponent or digit grouping, and neither rounds an exact amount: a proof that says
 * "0.3 exceeds the limit 0.2999999999999999999999" must show the difference it found. Only a double, the
 * result of a rule's own arithmetic, is written to at most eight decimals (the finest step any venue
 * quotes), so 146.69000000000003 reads 146.69.
 */
public final class Figures {

    /** The most decimals a double is written with. */
    public static final int MAX_DOUBLE_DECIMALS = 8;
    private static final int MONEY_MIN_DECIMALS = 2;

    private Figures() {
    }

    /** Money: 50000 → "50000.00", 0.5 → "0.50", 315.0525 → "315.0525", 1E+3 → "1000.00". */
    public static String money(BigDecimal amount) {
        BigDecimal figure = stripped(amount);
        return figure.scale() < MONEY_MIN_DECIMALS
                ? figure.setScale(MONEY_MIN_DECIMALS).toPlainString()
                : figure.toPlainString();
    }

    /** Money computed as a double in a rule: its shortest decimal form to at most eight decimals, as money. */
    public static String money(double amount) {
        if (!Double.isFinite(amount)) {
            return String.valueOf(amount);
        }
        return money(BigDecimal.valueOf(amount).setScale(MAX_DOUBLE_DECIMALS, RoundingMode.HALF_EVEN));
    }

    /** A quantity, price or count: 0.50 → "0.5", 1E+1 → "10", 10.00 → "10". */
    public static String plain(BigDecimal value) {
        BigDecimal figure = stripped(value);
        return figure.scale() < 0 ? figure.setScale(0).toPlainString() : figure.toPlainString();
    }

    /** A reading (a probability, a weight, a score) to a fixed number of decimals: 0.53125, 4 → "0.5312". */
    public static String reading(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }

    private static BigDecimal stripped(BigDecimal value) {
        return value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    }
}
