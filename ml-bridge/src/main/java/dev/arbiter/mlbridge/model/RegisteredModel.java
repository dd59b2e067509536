package dev.arbiter.mlbridge.model;

import dev.arbiter.mlbridge.features.FeatureUpdate;
import java.time.Instant;
import java.util.List;

/** A model loaded from the registry: its metadata and the trained model, ready for inference. */
public record RegisteredModel(ModelMetadata metadata, ProbabilityModel model) {

    /** Inference from features in the metadata's column order. */
    public ModelPrediction predict(String symbol, Instant time, double[] features) {
        if (features.length != metadata.features().size()) {
            throw new IllegalArgumentException("features: " + features.length + " values are not accepted; expected "
                    + metadata.features().size() + " in the order " + metadata.features());
        }
        for (int i = 0; i < features.length; i++) {
            if (!Double.isFinite(features[i])) {
                throw new IllegalArgumentException("features[" + i + "] (" + metadata.features().get(i) + "): " + features[i]
                        + " is not accepted; expected a finite value (the feature may still be warming up)");
            }
        }
        double p = model.probabilityUp(features);
        double edge = 2 * p - 1;
        return new ModelPrediction(symbol, metadata.name(), metadata.version(), time, p, edge * metadata.meanAbsForwardReturn(),
                Math.abs(edge), metadata.horizon(), metadata.dataSha256());
    }

    /** Inference from a feature update whose set holds (at least) the model's columns. */
    public ModelPrediction predict(FeatureUpdate update) {
        return predict(update.bar().symbol(), update.bar().endTime(), row(update));
    }

    /**
     * Inference with each feature's contribution to it, where the model can say: what a decision keeps, so that
     * its explanation says why the model leaned the way it did. Costs a TreeSHAP pass over every tree.
     */
    public ModelPrediction predictAttributed(FeatureUpdate update) {
        double[] x = row(update);
        return predict(update.bar().symbol(), update.bar().endTime(), x)
                .attributed(model.attribution(x, metadata.features()).orElse(null));
    }

    private double[] row(FeatureUpdate update) {
        List<String> columns = metadata.features();
        double[] x = new double[columns.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = update.value(columns.get(i));
        }
        return x;
    }
}
