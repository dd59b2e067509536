package dev.arbiter.mlbridge.model;

import dev.arbiter.kb.fact.ModelHealth;
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
 * @param health      the model's health as the engine judged it when it made the prediction (drift of its inputs,
 *                    accuracy on the outcomes the bars resolved, age); {@code null} where there was too little to
 *                    judge by
 * @param use         what the decision did with it; {@code null} when it simply acted (one model in its slot)
 */
public record ModelPrediction(String symbol, String model, String modelVersion, Instant time, double probabilityUp,
                              double expectedReturn, double confidence, int horizon, String dataSha256,
                              Attribution attribution, ModelHealth health, ModelUse use) {

    /** A prediction without its attribution or health. */
    public ModelPrediction(String symbol, String model, String modelVersion, Instant time, double probabilityUp,
                           double expectedReturn, double confidence, int horizon, String dataSha256) {
        this(symbol, model, modelVersion, time, probabilityUp, expectedReturn, confidence, horizon, dataSha256, null,
                null, null);
    }

    /** The same prediction with each feature's contribution to it ({@code null} where the model cannot say). */
    public ModelPrediction attributed(Attribution contributions) {
        return new ModelPrediction(symbol, model, modelVersion, time, probabilityUp, expectedReturn, confidence, horizon,
                dataSha256, contributions, health, use);
    }

    /** The same prediction with the model's health as judged when it was made. */
    public ModelPrediction judged(ModelHealth verdict) {
        return new ModelPrediction(symbol, model, modelVersion, time, probabilityUp, expectedReturn, confidence, horizon,
                dataSha256, attribution, verdict, use);
    }

    /** The same prediction with what the decision did with it. */
    public ModelPrediction used(ModelUse how) {
        return new ModelPrediction(symbol, model, modelVersion, time, probabilityUp, expectedReturn, confidence, horizon,
                dataSha256, attribution, health, how);
    }

    /** Whether it became the fact the rules see (not a member of an ensemble, not set aside). */
    public boolean acted() {
        return use == null || use.kind() == ModelUse.Kind.ACTED;
    }

    public Prediction toFact() {
        return new Prediction(symbol, model, modelVersion, time, probabilityUp, expectedReturn, confidence);
    }
}
