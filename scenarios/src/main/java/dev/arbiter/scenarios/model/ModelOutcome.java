package dev.arbiter.scenarios.model;

import dev.arbiter.mlbridge.model.Metrics;

/**
 * A trained model and how its predictions did in the decisions of the tested window.
 *
 * @param outOfSample accuracy and log-loss of the predictions that entered decisions, against the realised
 *                    sign of the close {@code horizon} bars later (the last {@code horizon} predictions,
 *                    whose label would need bars after the run's range, are not scored)
 */
public record ModelOutcome(TrainedModel model, Metrics outOfSample) {
}
