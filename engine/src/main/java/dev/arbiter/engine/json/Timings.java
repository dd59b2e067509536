package dev.arbiter.engine.json;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fields that measure how long a stage took (the proof's {@code checkMicros}, say): they differ on every run and say
 * nothing about the decision, so a replay ignores them and a decision's deterministic form leaves them out.
 */
public final class Timings {

    private Timings() {
    }

    /** Whether a field, by its name or its path's last name, is a timing. */
    public static boolean isTiming(String nameOrPath) {
        return nameOrPath.endsWith("Micros") || nameOrPath.endsWith("Millis") || nameOrPath.endsWith("Nanos");
    }

    /** The value as canonical JSON without any timing field, at any depth: the same decision gives the same text. */
    public static String withoutTimings(Object value) {
        JsonNode tree = CanonicalJson.mapper().valueToTree(value);
        strip(tree);
        return CanonicalJson.write(tree);
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.propertyNames().stream().filter(Timings::isTiming).toList().forEach(object::remove);
        }
        node.values().forEach(Timings::strip);
    }
}
