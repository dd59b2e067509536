package dev.arbiter.rules.session;

import dev.arbiter.kb.FactTypes;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;

/**
 * The JSON of a {@link TracedFact}, the one place it is defined:
 * <pre>
 * {"type": "Limit", "fact": {"name": "price-collar", "value": 0.05}}
 * {"type": "text", "text": "42"}
 * </pre>
 * A typed fact is read back to its record through the mapper in use (its settings and mix-ins apply),
 * so the record validates itself again. What cannot be read back to a record becomes text that keeps
 * everything the JSON said: a plain string (traces stored before facts were typed held their facts as
 * {@code toString()} text), a type this version does not know, or fields its record no longer accepts.
 */
final class TracedFactJson {

    private static final String TYPE = "type";
    private static final String FACT = "fact";
    private static final String TEXT = "text";

    private TracedFactJson() {
    }

    static final class Writer extends ValueSerializer<TracedFact> {

        @Override
        public void serialize(TracedFact value, JsonGenerator gen, SerializationContext ctxt) throws JacksonException {
            gen.writeStartObject();
            gen.writeStringProperty(TYPE, value.type());
            switch (value) {
                case TracedFact.Typed typed -> {
                    gen.writeName(FACT);
                    ctxt.writeValue(gen, typed.fact());
                }
                case TracedFact.Text text -> gen.writeStringProperty(TEXT, text.text());
            }
            gen.writeEndObject();
        }
    }

    static final class Reader extends ValueDeserializer<TracedFact> {

        @Override
        public TracedFact deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            JsonNode node = ctxt.readTree(p);
            if (node.isString()) {
                return new TracedFact.Text(node.asString());
            }
            String type = node.path(TYPE).asString("");
            if (type.equals(TracedFact.TEXT)) {
                return new TracedFact.Text(node.path(TEXT).asString(""));
            }
            JsonNode fields = node.path(FACT);
            Optional<Class<? extends Record>> record = FactTypes.byName(type);
            if (record.isPresent() && fields.isObject()) {
                try {
                    return new TracedFact.Typed(ctxt.readTreeAsValue(fields, record.get()));
                } catch (JacksonException | IllegalArgumentException notThisRecordAnyMore) {
                    // kept as text below: the trace stays readable, and says what it held
                }
            }
            return new TracedFact.Text((type.isEmpty() ? "" : type + " ") + (fields.isMissingNode() ? node : fields));
        }
    }
}
