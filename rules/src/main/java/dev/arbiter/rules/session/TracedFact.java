package dev.arbiter.rules.session;

import static dev.arbiter.kb.Require.present;

import dev.arbiter.kb.FactTypes;
import dev.arbiter.kb.InvalidFactException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A fact as a firing recorded it: one of Arbiter's fact or outcome records itself ({@link Typed}), or,
 * for anything else a rule may match (an accumulated number) and for traces stored before facts were
 * typed, its text ({@link Text}).
 *
 * <p>In JSON ({@link TracedFactJson}): {@code {"type": "Exposure", "fact": {"accountId": "acct-1", ...}}},
 * read back to the record by its type's simple name ({@link FactTypes}); {@code {"type": "text", "text":
 * "..."}} for text. A plain string, as older traces hold, reads as text.
 */
@JsonSerialize(using = TracedFactJson.Writer.class)
@JsonDeserialize(using = TracedFactJson.Reader.class)
public sealed interface TracedFact permits TracedFact.Typed, TracedFact.Text {

    /** The type name {@code Text} facts carry in JSON. */
    String TEXT = "text";

    /** The fact's type: the record's simple name ({@code Exposure}), or {@value #TEXT}. */
    String type();

    /**
     * The fact's fields by name, in declaration order, each written for a person: decimals in plain
     * notation, enums by name, nested records as {@code Reason(code=..., ...)}; empty for text.
     */
    Map<String, String> fields();

    /** One line for a person: {@code Limit(name=price-collar, value=0.05)}, or the text itself. */
    default String describe() {
        return type() + fields().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ", "(", ")"));
    }

    /** What a firing records of {@code value}: the record itself when it is a fact or an outcome, else its text. */
    static TracedFact of(Object value) {
        if (value instanceof Record fact && FactTypes.isKnown(fact.getClass())) {
            return new Typed(fact);
        }
        return new Text(String.valueOf(value));
    }

    /** One of the records of {@link FactTypes}. */
    record Typed(Record fact) implements TracedFact {

        public Typed {
            present("TracedFact", "fact", fact);
            if (!FactTypes.isKnown(fact.getClass())) {
                throw new InvalidFactException("TracedFact", "fact", fact.getClass().getName(),
                        "a fact or outcome record of dev.arbiter.kb (anything else is traced as text)");
            }
        }

        @Override
        public String type() {
            return fact.getClass().getSimpleName();
        }

        @Override
        public Map<String, String> fields() {
            return fieldsOf(fact);
        }

        /**
         * As {@link TracedFact#describe()}, remembered for the last facts described: the book's facts (limits, the
         * account, its instruments) are the same records from one check to the next, and every explanation describes
         * what each firing matched.
         */
        @Override
        public String describe() {
            return Descriptions.of(fact, () -> TracedFact.super.describe());
        }
    }

    /** A value that is not one of Arbiter's records, or a fact of a trace stored before facts were typed. */
    record Text(String text) implements TracedFact {

        public Text {
            present("TracedFact", "text", text);
        }

        @Override
        public String type() {
            return TEXT;
        }

        @Override
        public Map<String, String> fields() {
            return Map.of();
        }

        @Override
        public String describe() {
            return text;
        }
    }

    private static Map<String, String> fieldsOf(Record record) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (RecordComponent component : RecordComponents.of(record.getClass())) {
            fields.put(component.getName(), display(read(record, component)));
        }
        return Collections.unmodifiableMap(fields);
    }

    private static String display(Object value) {
        return switch (value) {
            case null -> "none";
            case BigDecimal decimal -> decimal.toPlainString();
            case Enum<?> constant -> constant.name();
            case Record nested -> nested.getClass().getSimpleName() + fieldsOf(nested).entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ", "(", ")"));
            case Collection<?> items -> items.stream().map(TracedFact::display).collect(Collectors.joining(", ", "[", "]"));
            default -> String.valueOf(value);
        };
    }

    private static Object read(Record record, RecordComponent component) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of "
                    + record.getClass().getSimpleName(), e);
        }
    }
}
