package dev.arbiter.engine.service;

import dev.arbiter.engine.decision.InvalidRequestException;
import dev.arbiter.engine.json.ArbiterJson;
import dev.arbiter.engine.json.JsonInputErrors;
import dev.arbiter.kb.InvalidFactException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Reads items of a batch one by one, so that a bad item is named and the good ones are kept. */
final class ItemErrors {

    /** Why one item was refused: the field by its path, the value, what is accepted. */
    record Refused(String field, String value, String accepted) {

        static Refused of(String prefix, InvalidRequestException e) {
            return new Refused(prefix + "." + e.field(), e.value(), e.accepted());
        }
    }

    private ItemErrors() {
    }

    static <T> T read(JsonNode item, Class<T> type, String path) {
        try {
            return ArbiterJson.mapper().treeToValue(item, type);
        } catch (JacksonException e) {
            InvalidRequestException translated = JsonInputErrors.translate(e);
            String field = "(body)".equals(translated.field()) ? path : path + "." + translated.field();
            throw new InvalidRequestException(field, translated.value(), translated.accepted());
        } catch (InvalidFactException e) {
            throw new InvalidRequestException(path + "." + e.field(), e.value(), e.accepted());
        }
    }
}
