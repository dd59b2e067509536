package dev.arbiter.mlbridge.model;

/**
 * A feature's training distribution, kept in the model's metadata for drift checks.
 *
 * @param edges       inner decile edges of the training values
 * @param proportions share of training values per bin
 */
public record FeatureReference(String feature, double[] edges, double[] proportions) {

    static FeatureReference of(String feature, double[] training) {
        double[] edges = PopulationStability.edges(training, 10);
        return new FeatureReference(feature, edges, PopulationStability.proportions(training, edges));
    }

    /** PSI of {@code recent} values against this reference. */
    public double psi(double[] recent) {
        return PopulationStability.psi(proportions, PopulationStability.proportions(recent, edges));
    }
}
