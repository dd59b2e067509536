package dev.arbiter.scenarios.model;

import dev.arbiter.engine.decision.RequestedModel;
import dev.arbiter.mlbridge.model.Metrics;
import dev.arbiter.mlbridge.model.ModelMetadata;

/**
 * A model a scenario trained for one instrument and registered.
 *
 * @param request  how a decision request names it
 * @param metadata what the registry holds about it (training window, samples, data hash, walk-forward metrics)
 * @param inSample its accuracy and log-loss on the samples it was fitted on
 */
public record TrainedModel(RequestedModel request, ModelMetadata metadata, Metrics inSample) {

    public String symbol() {
        return request.symbol();
    }
}
