package dev.arbiter.kb;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Field checks used by the fact constructors. Each check names the fact and the field it guards so
 * that the resulting {@link InvalidFactException} tells the caller exactly what to fix.
 */
public final class Require {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}");

    private Require() {
    }

    public static <T> T present(String fact, String field, T value) {
        if (value == null) {
            throw new InvalidFactException(fact, field, null, "a value (the field is required)");
        }
        return value;
    }

    /** Symbols, account ids, order ids: 1-64 characters, letters, digits and . _ : / - */
    public static String identifier(String fact, String field, String value) {
        present(fact, field, value);
        if (!IDENTIFIER.matcher(value).matches()) {
            throw new InvalidFactException(fact, field, value,
                    "1-64 characters of letters, digits and . _ : / -, starting with a letter or digit");
        }
        return value;
    }

    /**
     * A list of identifiers ({@code null} reads as none), sorted and without repeats, so that equal lists are equal
     * however they were given.
     */
    public static List<String> identifiers(String fact, String field, List<String> values) {
        if (values == null) {
            return List.of();
        }
        TreeSet<String> sorted = new TreeSet<>();
        for (int i = 0; i < values.size(); i++) {
            sorted.add(identifier(fact, field + "[" + i + "]", values.get(i)));
        }
        return List.copyOf(sorted);
    }

    public static String text(String fact, String field, String value) {
        present(fact, field, value);
        if (value.isBlank()) {
            throw new InvalidFactException(fact, field, value, "a non-blank text");
        }
        return value;
    }

    public static BigDecimal positive(String fact, String field, BigDecimal value) {
        present(fact, field, value);
        if (value.signum() <= 0) {
            throw new InvalidFactException(fact, field, value, "a number > 0");
        }
        return value;
    }

    public static BigDecimal nonNegative(String fact, String field, BigDecimal value) {
        present(fact, field, value);
        if (value.signum() < 0) {
            throw new InvalidFactException(fact, field, value, "a number >= 0");
        }
        return value;
    }

    public static double finite(String fact, String field, double value) {
        if (!Double.isFinite(value)) {
            throw new InvalidFactException(fact, field, value, "a finite number");
        }
        return value;
    }

    public static double unitInterval(String fact, String field, double value) {
        if (!Double.isFinite(value) || value < 0.0 || value > 1.0) {
            throw new InvalidFactException(fact, field, value, "a number between 0 and 1");
        }
        return value;
    }

    /** Parses an enum constant by name, naming the accepted constants when the value is unknown. */
    public static <E extends Enum<E>> E oneOf(String fact, String field, Class<E> type, String value) {
        present(fact, field, value);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw new InvalidFactException(fact, field, value,
                "one of " + Arrays.toString(type.getEnumConstants()));
    }
}
