package dev.arbiter.engine.json;

import dev.arbiter.engine.decision.InvalidRequestException;
import dev.arbiter.kb.InvalidFactException;
import java.util.Arrays;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Turns every kind of bad JSON input (malformed text, unknown fields, wrong types, values a fact
 * refuses) into an {@link InvalidRequestException} naming the field by its path (e.g.
 * {@code intents[0].side}), the value, and what would be accepted.
 */
public final class JsonInputErrors {

    private JsonInputErrors() {
    }

    /** The error as an {@link InvalidRequestException}: field path, value, what is accepted. */
    public static InvalidRequestException translate(JacksonException e) {
        if (e instanceof ValueInstantiationException vie) {
            String path = path(vie);
            if (vie.getCause() instanceof InvalidFactException fact) {
                return new InvalidRequestException(join(path, fact.field()), fact.value(), fact.accepted());
            }
            if (vie.getCause() instanceof InvalidRequestException request) {
                return new InvalidRequestException(join(path, request.field()), request.value(), request.accepted());
            }
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            String known = unknown.getKnownPropertyIds() == null ? "" : unknown.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", "));
            return new InvalidRequestException(path(unknown), "unknown field '" + unknown.getPropertyName() + "'",
                    "one of the fields " + known);
        }
        if (e instanceof InvalidFormatException format) {
            if (format.getValue() instanceof java.math.BigDecimal number) {
                return new InvalidRequestException(path(format), number.toString(), "a number of magnitude below "
                        + StrictScalars.TOO_LARGE.toPlainString() + " and, unless zero, not below "
                        + StrictScalars.TOO_FINE.toPlainString());
            }
            int at = format.getValue() instanceof String text ? StrictScalars.firstControlCharacter(text) : -1;
            if (at >= 0) {
                return new InvalidRequestException(path(format), String.format("text holding the control character U+%04X"
                        + " at character %d", (int) ((String) format.getValue()).charAt(at), at + 1),
                        "text without control characters (tab, line feed and carriage return are allowed)");
            }
            return new InvalidRequestException(path(format), "'" + format.getValue() + "'", expected(format.getTargetType()));
        }
        if (e instanceof MismatchedInputException mismatched) {
            // an object where text belongs, text where a list belongs: the field's kind, never the library's words
            return new InvalidRequestException(path(mismatched), "a value of another kind", expected(mismatched.getTargetType()));
        }
        if (e instanceof DatabindException databind) {
            return new InvalidRequestException(path(databind), "the given value", "a value as docs/api.md describes it");
        }
        if (e instanceof InputCoercionException range) {
            // a number the field's type cannot hold, e.g. forty digits where a count belongs
            Class<?> target = range.getTargetType();
            boolean wide = target == long.class || target == Long.class;
            return new InvalidRequestException(pointerPath(range), "a number beyond this field's range",
                    "a whole number from " + (wide ? Long.MIN_VALUE + " to " + Long.MAX_VALUE
                            : Integer.MIN_VALUE + " to " + Integer.MAX_VALUE));
        }
        if (e instanceof StreamReadException read) {
            String where = read.getLocation() == null ? "" : " at line " + read.getLocation().getLineNr()
                    + ", column " + read.getLocation().getColumnNr();
            return new InvalidRequestException("(body)", "malformed JSON" + where, "well-formed JSON: " + read.getOriginalMessage());
        }
        return new InvalidRequestException("(body)", "unreadable", "a JSON body as docs/api.md describes it");
    }

    /** What a value of the target type looks like, in the words of the API documentation. */
    private static String expected(Class<?> target) {
        if (target == null) {
            return "a value of the documented type (see docs/api.md)";
        }
        if (target.isEnum()) {
            return "one of " + Arrays.toString(target.getEnumConstants());
        }
        if (target == java.time.Instant.class) {
            return "an ISO-8601 UTC time such as 2023-03-15T13:35:30Z";
        }
        if (target == java.time.Duration.class) {
            return "an ISO-8601 duration such as PT5M";
        }
        if (target == java.math.BigDecimal.class || target == double.class || target == Double.class) {
            return "a finite number";
        }
        if (target == String.class) {
            return "text (a JSON string)";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(target) || target.isPrimitive()) {
            return "a number";
        }
        if (java.util.Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "an array (see docs/api.md)";
        }
        return "an object (see docs/api.md)";
    }

    /** The field a parser stood at when it failed, e.g. {@code intents[0].quantity}. */
    private static String pointerPath(StreamReadException e) {
        if (!(e.processor() instanceof tools.jackson.core.JsonParser parser)) {
            return "(body)";
        }
        StringBuilder path = new StringBuilder();
        for (String part : parser.streamReadContext().pathAsPointer().toString().split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.chars().allMatch(Character::isDigit)) {
                path.append('[').append(part).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(part.replace("~1", "/").replace("~0", "~"));
            }
        }
        return path.isEmpty() ? "(body)" : path.toString();
    }

    private static String path(DatabindException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            }
        }
        return path.isEmpty() ? "(body)" : path.toString();
    }

    private static String join(String path, String field) {
        if ("(body)".equals(path) || field.equals(path) || field.startsWith(path + ".") || field.startsWith(path + "[")) {
            return field; // the fact named its place in the request itself
        }
        return path + "." + field;
    }
}
