package dev.arbiter.engine.service;

import dev.arbiter.engine.decision.ClientRequest;
import dev.arbiter.engine.decision.InvalidRequestException;
import dev.arbiter.engine.json.ArbiterJson;
import dev.arbiter.engine.json.DecisionRequestReader;
import dev.arbiter.engine.json.JsonInputErrors;
import dev.arbiter.kb.InvalidFactException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A decision request read in two steps: first the JSON tree (size, well-formedness, the account it is for, so the
 * account's lock is taken before anything else), then the request itself (every field checked), with the same
 * field-naming errors as {@link DecisionRequestReader}.
 */
final class RequestTrees {

    private RequestTrees() {
    }

    static ObjectNode read(byte[] body) {
        JsonNode tree = JsonBodies.read(body, JsonNode.class, "a JSON decision request (see docs/api.md)");
        if (!(tree instanceof ObjectNode object)) {
            throw new InvalidRequestException("(body)", tree.getNodeType().name().toLowerCase(), "a JSON object");
        }
        return object;
    }

    static ClientRequest clientRequest(ObjectNode tree) {
        try {
            return ArbiterJson.mapper().treeToValue(tree, ClientRequest.class);
        } catch (JacksonException e) {
            throw JsonInputErrors.translate(e);
        } catch (InvalidFactException e) {
            throw new InvalidRequestException(e.field(), e.value(), e.accepted());
        }
    }
}
