package dev.arbiter.mlbridge.features;

import java.math.BigDecimal;

/**
 * One parameter of a catalogue indicator.
 *
 * @param name         what it means, e.g. {@code period} or {@code k}
 * @param defaultValue used in the catalogue's example column name
 * @param integer      whether only whole numbers are accepted (bar counts)
 * @param min          smallest accepted value
 * @param max          largest accepted value
 */
public record Parameter(String name, double defaultValue, boolean integer, double min, double max) {

    /** A bar count between 1 and 1000. */
    public static Parameter bars(String name, int defaultValue) {
        return new Parameter(name, defaultValue, true, 1, 1000);
    }

    /** A bar count of at least 2 (windows whose statistics need two points). */
    public static Parameter window(String name, int defaultValue) {
        return new Parameter(name, defaultValue, true, 2, 1000);
    }

    /** A real-valued factor in [min, max]. */
    public static Parameter factor(String name, double defaultValue, double min, double max) {
        return new Parameter(name, defaultValue, false, min, max);
    }

    /** Checks a value; returns a description of what is wrong, or null when it is accepted. */
    String problem(double value) {
        if (!Double.isFinite(value)) {
            return "a finite number";
        }
        if (integer && value != Math.rint(value)) {
            return "a whole number";
        }
        if (value < min || value > max) {
            return "a value in [" + format(min) + ", " + format(max) + "]";
        }
        return null;
    }

    /** The value as it appears in a column name: whole numbers without a decimal point. */
    static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
