package dev.arbiter.mlbridge.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a registered model is, kept beside its artifact as {@code metadata.json}.
 *
 * @param name               model name ({@code ModelId} format)
 * @param version            model version
 * @param algorithm          learner id: gbt, rf, logit, majority, previous-return-sign
 * @param symbol             instrument the training bars belong to
 * @param period             bar period the features are computed on
 * @param featureSet         name of the feature set
 * @param features           the columns, in the order the model reads them
 * @param label              the label's definition
 * @param horizon            label horizon in bars
 * @param trainedFrom        close time of the first training sample
 * @param trainedTo          close time of the last training sample
 * @param trainingSamples    samples the final model was fitted on
 * @param dataSha256         SHA-256 of the bars the dataset was built from
 * @param seed               the seed every random choice used
 * @param walkForward        out-of-sample metrics of the same algorithm and settings, walk-forward on the data
 * @param meanAbsForwardReturn mean |forward log return| in training, to turn a probability into an expected return
 * @param references         each feature's training distribution, for drift checks
 * @param trainedAt          when it was trained (from the clock passed in)
 * @param modelSha256        SHA-256 of the serialized model file, checked on load
 * @param validation         what its validation found (null for a model registered before validation reports existed)
 */
public record ModelMetadata(String name, String version, String algorithm, String symbol, Duration period, String featureSet,
                            List<String> features, String label, int horizon, Instant trainedFrom, Instant trainedTo,
                            int trainingSamples, String dataSha256, long seed, Metrics walkForward,
                            double meanAbsForwardReturn, List<FeatureReference> references, Instant trainedAt,
                            String modelSha256, ValidationReport validation) {

    ModelMetadata withModelSha256(String sha) {
        return new ModelMetadata(name, version, algorithm, symbol, period, featureSet, features, label, horizon, trainedFrom,
                trainedTo, trainingSamples, dataSha256, seed, walkForward, meanAbsForwardReturn, references, trainedAt, sha,
                validation);
    }
}
