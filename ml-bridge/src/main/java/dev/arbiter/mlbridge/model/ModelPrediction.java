package dev.arbiter.mlbridge.model;

import dev.arbiter.kb.fact.Prediction;
import java.time.Instant;

/**
 * One inference with its provenance: the model id and version, the probability the label is 1, an
 * expected forward log return ((2p − 1) × the training mean |forward return|) and a confidence
 * (|2p − 1|: 0 at a coin flip, 1 at certainty). The fact rules see is {@link #toFact()} (with the
 * expected return); the horizon, the training-data hash and the attribution stay with the decision's trace via
 * this record.
 *
 * @param attribution each feature's contribution to the prediction, where it was asked for and the model can say
 *                    (logistic regression, gradient-boosted trees); otherwise {@code null}
 */
public record ModelPrediction(String symbol, String model, String modelVersion, Instant time, double probabilityUp,
                              double expectedReturn, double confidence, int horizon, String dataSha256,
                              Attribution attribution) {

    /** A prediction without its attribution. */
    public ModelPrediction(String symbol, String model, String modelVersion, Instant time, double probabilityUp,
                           double expectedReturn, double confidence, int horizon, String dataSha256) {
        this(symbol, model, modelVersion, time, probabilityUp, expectedReturn, confidence, horizon, dataSha256, null);
    }

    public Prediction toFact() {
        return new Prediction(symbol, model, modelVersion, time, probabilityUp, expectedReturn, confidence);
    }
}
