package dev.arbiter.engine.service;

import dev.arbiter.engine.decision.InvalidRequestException;
import dev.arbiter.engine.json.ArbiterJson;
import dev.arbiter.engine.json.DecisionRequestReader;
import dev.arbiter.engine.json.JsonInputErrors;
import tools.jackson.core.JacksonException;

/** Reads a JSON request body into a type with Arbiter's strict settings and field-naming errors. */
final class JsonBodies {

    private JsonBodies() {
    }

    static <T> T read(byte[] body, Class<T> type, String expected) {
        if (body == null || body.length == 0) {
            throw new InvalidRequestException("(body)", "empty", expected);
        }
        if (body.length > DecisionRequestReader.MAX_BYTES) {
            throw new InvalidRequestException("(body)", body.length + " bytes", "at most " + DecisionRequestReader.MAX_BYTES + " bytes");
        }
        try {
            T value = ArbiterJson.input().readValue(body, type);
            if (value == null) {
                throw new InvalidRequestException("(body)", "null", expected);
            }
            return value;
        } catch (JacksonException e) {
            throw JsonInputErrors.translate(e);
        }
    }
}
