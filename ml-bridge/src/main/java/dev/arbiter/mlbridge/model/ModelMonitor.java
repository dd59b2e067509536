package dev.arbiter.mlbridge.model;

import dev.arbiter.kb.fact.ModelHealth;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Model health from recent inputs and outcomes, as a {@link ModelHealth} fact the L5 rules use:
 * <ul>
 *   <li>{@code STALE}: its training data ends more than {@code maxAge} before now, or after now (a
 *       model that has seen the future of the decision time must not be used for it, e.g. in a
 *       replay), or fewer than {@code minSamples} recent feature vectors exist to judge it by;</li>
 *   <li>{@code DRIFTED}: some feature's population-stability index against its training
 *       distribution is at least {@code psiLimit}, or the rolling accuracy over at least
 *       {@code minSamples} resolved predictions is more than {@code accuracyDrop} below the model's
 *       walk-forward accuracy;</li>
 *   <li>{@code OK}: otherwise.</li>
 * </ul>
 * Staleness and drift are measured apart: the fact's {@code drifted} and {@code stale} may both hold (a model from
 * 2020 run on 2022's markets is both), the verdict's status naming the first.
 */
public record ModelMonitor(Duration maxAge, int minSamples, double psiLimit, double accuracyDrop) {

    public static final ModelMonitor DEFAULTS = new ModelMonitor(Duration.ofDays(90), 100, 0.25, 0.05);

    /** The verdict with its numbers. */
    public record Verdict(ModelHealthStatus status, double maxPsi, String worstFeature, double rollingAccuracy, ModelHealth fact) {
    }

    /**
     * @param recentFeatures feature vectors seen recently, in the model's column order
     * @param outcomes       resolved labels of recent predictions (may be empty)
     * @param probabilities  the probabilities predicted for those outcomes
     */
    public Verdict check(ModelMetadata model, List<double[]> recentFeatures, int[] outcomes, double[] probabilities, Instant now) {
        Duration age = Duration.between(model.trainedTo(), now);
        double maxPsi = 0;
        String worst = "none";
        if (recentFeatures.size() >= minSamples) {
            for (int j = 0; j < model.features().size(); j++) {
                final int column = j;
                double psi = model.references().get(j).psi(recentFeatures.stream().mapToDouble(x -> x[column]).toArray());
                if (psi > maxPsi) {
                    maxPsi = psi;
                    worst = model.features().get(j);
                }
            }
        }
        double rolling = Double.NaN;
        if (outcomes.length >= minSamples) {
            rolling = Metrics.of(outcomes, probabilities).accuracy();
        }
        String numbers = String.format(Locale.ROOT, "training data ends %s (%s, stale after %d days); max PSI %.3f (%s, drifted at >= %.2f) over %d "
                        + "recent samples; rolling accuracy %s over %d outcomes vs walk-forward %.4f (drifted below %.4f)",
                model.trainedTo(), age.isNegative() ? "after the decision time" : age.toDays() + " days before it", maxAge.toDays(), maxPsi, worst, psiLimit, recentFeatures.size(),
                Double.isNaN(rolling) ? "n/a" : String.format(Locale.ROOT, "%.4f", rolling), outcomes.length,
                model.walkForward().accuracy(), model.walkForward().accuracy() - accuracyDrop);
        // measured apart: a model can be both too old and drifted, and the fact says both
        boolean stale = age.isNegative() || age.compareTo(maxAge) > 0 || recentFeatures.size() < minSamples;
        boolean drifted = maxPsi >= psiLimit
                || (!Double.isNaN(rolling) && rolling < model.walkForward().accuracy() - accuracyDrop);
        ModelHealthStatus status = stale ? ModelHealthStatus.STALE
                : drifted ? ModelHealthStatus.DRIFTED : ModelHealthStatus.OK;
        ModelHealth fact = new ModelHealth(model.name(), model.version(), drifted, stale,
                status + (stale && drifted ? " and DRIFTED" : "") + ": " + numbers);
        return new Verdict(status, maxPsi, worst, rolling, fact);
    }
}
