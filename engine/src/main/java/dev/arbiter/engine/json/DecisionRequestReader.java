package dev.arbiter.engine.json;

import dev.arbiter.engine.decision.ClientRequest;
import dev.arbiter.engine.decision.DecisionRequest;
import dev.arbiter.engine.decision.InvalidRequestException;
import tools.jackson.core.JacksonException;

/**
 * Reads a decision request from JSON, turning every kind of bad input into an
 * {@link InvalidRequestException} that names the field by its path (e.g. {@code intents[0].side}),
 * the value, and what would be accepted.
 */
public final class DecisionRequestReader {

    /** Largest request body accepted: a few thousand bars per symbol for a handful of symbols. */
    public static final int MAX_BYTES = 8 * 1024 * 1024;

    private DecisionRequestReader() {
    }

    /** A client's request as a trading system sends it (see {@link ClientRequest}). */
    public static ClientRequest readClient(byte[] json) {
        return read(json, ClientRequest.class);
    }

    /** A request complete with the account's figures, as a trace stores it or a rule test builds it. */
    public static DecisionRequest read(byte[] json) {
        return read(json, DecisionRequest.class);
    }

    private static <T> T read(byte[] json, Class<T> type) {
        if (json.length > MAX_BYTES) {
            throw new InvalidRequestException("(body)", json.length + " bytes", "at most " + MAX_BYTES + " bytes");
        }
        if (json.length == 0) {
            throw new InvalidRequestException("(body)", "empty", "a JSON decision request (see docs/api.md)");
        }
        try {
            T request = ArbiterJson.input().readValue(json, type);
            if (request == null) {
                throw new InvalidRequestException("(body)", "null", "a JSON object");
            }
            return request;
        } catch (JacksonException e) {
            throw JsonInputErrors.translate(e);
        }
    }
}
