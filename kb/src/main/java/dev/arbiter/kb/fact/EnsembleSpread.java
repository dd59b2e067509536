package dev.arbiter.kb.fact;

import static dev.arbiter.kb.Require.identifier;
import static dev.arbiter.kb.Require.text;
import static dev.arbiter.kb.Require.unitInterval;

/**
 * How far apart the members of an ensemble were when their combined prediction was made: the highest minus the lowest
 * member probability of an up move. The ensemble's {@link Prediction} carries the same model name and version.
 *
 * @param model        the ensemble's name ({@code ensemble-<purpose>})
 * @param modelVersion the ensemble's version (a digest of its members and their weights)
 * @param spread       highest minus lowest member probability, 0..1
 * @param members      the members with their probabilities and weights, in words
 */
public record EnsembleSpread(String symbol, String model, String modelVersion, double spread, String members) {

    public EnsembleSpread {
        identifier("EnsembleSpread", "symbol", symbol);
        identifier("EnsembleSpread", "model", model);
        identifier("EnsembleSpread", "modelVersion", modelVersion);
        unitInterval("EnsembleSpread", "spread", spread);
        text("EnsembleSpread", "members", members);
    }
}
