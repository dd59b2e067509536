package dev.arbiter.engine.service;

import dev.arbiter.engine.json.ArbiterJson;
import java.util.Map;

/** Real limit changes for shadow tests: the active limits file with some numbers replaced, as an officer edits it. */
final class TighterLimits {

    private TighterLimits() {
    }

    /** The limits file with each named limit set to the given number. */
    static String limits(String activeLimitsJson, Map<String, String> changes) {
        String changed = activeLimitsJson;
        for (Map.Entry<String, String> change : changes.entrySet()) {
            String next = changed.replaceFirst("\"" + change.getKey() + "\"\\s*:\\s*[0-9.]+",
                    "\"" + change.getKey() + "\": " + change.getValue());
            if (next.equals(changed)) {
                throw new IllegalStateException("the limits file has no " + change.getKey() + " to change");
            }
            changed = next;
        }
        return changed;
    }

    /** The upload body: the changed limits file alone. */
    static byte[] upload(String activeLimitsJson, Map<String, String> changes, String note) {
        return ArbiterJson.mapper().writeValueAsBytes(Map.of("note", note,
                "files", Map.of("limits.json", limits(activeLimitsJson, changes))));
    }
}
