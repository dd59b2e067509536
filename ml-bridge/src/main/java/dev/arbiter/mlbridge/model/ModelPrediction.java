package dev.arbiter.mlbridge.model;

import dev.arbiter.kb.fact.Prediction;
import java.time.Instant;

/**
 * One inference with its provenance: the model id and version, the probability the label is 1, an
 * expected forward log return ((2p − 1) × the training mean |forward return|) and a confidence
 * (|2p − 1|: 0 at a coin flip, 1 at certainty). The fact rules see is {@link #toFact()} (with the
 * expected return); the horizon and the training-data hash stay with the decision's trace via this record.
 */
public record ModelPrediction(String symbol, String model, String modelVersion, Instant time, double probabilityUp,
                              double expectedReturn, double confidence, int horizon, String dataSha256) {

    public Prediction toFact() {
        return new Prediction(symbol, model, modelVersion, time, probabilityUp, expectedReturn, confidence);
    }
}
