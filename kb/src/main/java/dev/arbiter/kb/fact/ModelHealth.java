package dev.arbiter.kb.fact;

import static dev.arbiter.kb.Require.identifier;
import static dev.arbiter.kb.Require.text;

/**
 * What model monitoring says about a model version: whether its inputs or accuracy drifted, and
 * whether it is stale (not retrained or not producing on time).
 */
public record ModelHealth(String model, String modelVersion, boolean drifted, boolean stale, String evidence) {

    public ModelHealth {
        identifier("ModelHealth", "model", model);
        identifier("ModelHealth", "modelVersion", modelVersion);
        text("ModelHealth", "evidence", evidence);
    }
}
