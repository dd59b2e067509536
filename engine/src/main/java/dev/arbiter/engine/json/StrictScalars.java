package dev.arbiter.engine.json;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Scalars read as the API documents them and no other way: times and periods only as ISO-8601 text (a number is
 * not read as epoch seconds); and, for what clients send ({@link #forInput()}), decimal amounts only within what a
 * price, a quantity or a balance can be, so that a number too large or too fine to compute with is refused by name
 * instead of overflowing the sizing, and text without control characters (a NUL cannot be stored, and none belongs in
 * an id, a reason or a rule file). The journal keeps any decimal it was given, exactly.
 */
final class StrictScalars extends SimpleModule {

    /** Magnitudes from here on are no amount, price or quantity. */
    static final BigDecimal TOO_LARGE = new BigDecimal("1e18");
    /** Finer than this is no amount either (and would make lot arithmetic underflow). */
    static final BigDecimal TOO_FINE = new BigDecimal("1e-18");

    private StrictScalars(String name) {
        super(name);
        addDeserializer(Instant.class, new TextOnly<>(Instant.class, Instant::parse));
        addDeserializer(Duration.class, new TextOnly<>(Duration.class, Duration::parse));
    }

    /** Times and periods as text: for everything the engine reads, its own records included. */
    static StrictScalars everywhere() {
        return new StrictScalars("arbiter-strict-times");
    }

    /** And amounts within range: for what clients send. */
    static StrictScalars forInput() {
        StrictScalars module = new StrictScalars("arbiter-strict-input");
        module.addDeserializer(BigDecimal.class, new BoundedDecimal());
        module.addDeserializer(String.class, new PrintableText());
        return module;
    }

    /** A value that travels as text: anything else is refused as another kind of value. */
    private static final class TextOnly<T> extends StdDeserializer<T> {

        private final java.util.function.Function<String, T> parse;

        TextOnly(Class<T> type, java.util.function.Function<String, T> parse) {
            super(type);
            this.parse = parse;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser p, DeserializationContext ctxt) {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (T) ctxt.handleUnexpectedToken(handledType(), p);
            }
            String text = p.getString().trim();
            try {
                return parse.apply(text);
            } catch (DateTimeParseException e) {
                return (T) ctxt.handleWeirdStringValue(handledType(), text, "not ISO-8601");
            }
        }
    }

    /** A JSON number within what an amount can be. */
    private static final class BoundedDecimal extends StdDeserializer<BigDecimal> {

        BoundedDecimal() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.hasToken(JsonToken.VALUE_STRING)) { // "25", "NaN": named with the text, never read as a number
                return (BigDecimal) ctxt.handleWeirdStringValue(BigDecimal.class, p.getString(), "text, not a number");
            }
            if (!p.hasToken(JsonToken.VALUE_NUMBER_INT) && !p.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
                return (BigDecimal) ctxt.handleUnexpectedToken(BigDecimal.class, p);
            }
            BigDecimal value = p.getDecimalValue();
            BigDecimal magnitude = value.abs();
            if (magnitude.compareTo(TOO_LARGE) >= 0 || (magnitude.signum() != 0 && magnitude.compareTo(TOO_FINE) < 0)) {
                return (BigDecimal) ctxt.handleWeirdNumberValue(BigDecimal.class, value, "out of range");
            }
            return value;
        }
    }

    /** Text without control characters other than tab, line feed and carriage return. */
    private static final class PrintableText extends StdDeserializer<String> {

        PrintableText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String text = p.getString();
            return firstControlCharacter(text) < 0 ? text
                    : (String) ctxt.handleWeirdStringValue(String.class, text, "control character");
        }
    }

    /** Where the first control character other than tab, line feed and carriage return is, or -1. */
    static int firstControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return i;
            }
        }
        return -1;
    }
}
