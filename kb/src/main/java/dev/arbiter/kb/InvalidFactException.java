package dev.arbiter.kb;

import java.util.Objects;

/**
 * A fact could not be constructed because one of its fields holds a value the engine does not accept.
 * The message names the fact, the field, the value and what would be accepted, so a client or a risk
 * officer can fix the input without reading code.
 */
public final class InvalidFactException extends IllegalArgumentException {

    private final String fact;
    private final String field;
    private final String value;
    private final String accepted;

    public InvalidFactException(String fact, String field, Object value, String accepted) {
        super(fact + "." + field + ": " + render(value) + " is not accepted; expected " + accepted);
        this.fact = Objects.requireNonNull(fact);
        this.field = Objects.requireNonNull(field);
        this.value = render(value);
        this.accepted = Objects.requireNonNull(accepted);
    }

    private static String render(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof java.math.BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return value instanceof CharSequence ? "'" + value + "'" : String.valueOf(value);
    }

    public String fact() {
        return fact;
    }

    public String field() {
        return field;
    }

    public String value() {
        return value;
    }

    public String accepted() {
        return accepted;
    }
}
