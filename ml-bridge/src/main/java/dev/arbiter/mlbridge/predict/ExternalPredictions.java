package dev.arbiter.mlbridge.predict;

import dev.arbiter.kb.InvalidFactException;
import dev.arbiter.kb.fact.Prediction;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks predictions a client made elsewhere (a Python model, a vendor) before they become facts,
 * beside what {@link Prediction} itself checks (probability and confidence in 0..1):
 * <ul>
 *   <li>the model name and version follow {@link ModelId}'s format;</li>
 *   <li>the prediction's time is not after the decision time (a prediction from the future is a clock
 *       or replay error) and not older than {@code maxAge};</li>
 *   <li>one prediction per symbol, model and version.</li>
 * </ul>
 * The first problem is raised naming {@code predictions[i].field}; nothing is half accepted.
 */
public record ExternalPredictions(Duration maxAge) {

    /** Predictions older than a day are refused rather than silently trusted. */
    public static final ExternalPredictions DEFAULTS = new ExternalPredictions(Duration.ofDays(1));

    public List<Prediction> validate(List<Prediction> predictions, Instant asOf) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < predictions.size(); i++) {
            Prediction p = predictions.get(i);
            String at = "predictions[" + i + "]";
            ModelId.requireName(at + ".model", p.model());
            ModelId.requireVersion(at + ".modelVersion", p.modelVersion());
            if (p.time().isAfter(asOf)) {
                throw new InvalidFactException("Prediction", at + ".time", p.time(),
                        "a time at or before the decision time " + asOf + " (a prediction cannot come from the future)");
            }
            if (Duration.between(p.time(), asOf).compareTo(maxAge) > 0) {
                throw new InvalidFactException("Prediction", at + ".time", p.time(),
                        "a time within " + maxAge + " of the decision time " + asOf);
            }
            if (!seen.add(p.symbol() + "|" + p.model() + "|" + p.modelVersion())) {
                throw new InvalidFactException("Prediction", at + ".model", p.model() + "@" + p.modelVersion(),
                        "one prediction per symbol, model and version (" + p.symbol() + " has two)");
            }
        }
        return predictions;
    }
}
