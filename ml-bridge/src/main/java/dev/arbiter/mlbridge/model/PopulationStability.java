package dev.arbiter.mlbridge.model;

import java.util.Arrays;

/**
 * Population-stability index of a feature: how far its recent distribution moved from the training
 * one, over the training sample's decile bins. PSI = Σ (actual − expected) · ln(actual / expected),
 * proportions floored at 1e-4 so an empty bin does not divide by zero. Read as: below 0.1 stable,
 * 0.1–0.25 moving, 0.25 and above drifted.
 */
public final class PopulationStability {

    static final double FLOOR = 1e-4;

    private PopulationStability() {
    }

    /** The inner edges of {@code bins} equally populated bins of the reference sample. */
    public static double[] edges(double[] reference, int bins) {
        double[] sorted = reference.clone();
        Arrays.sort(sorted);
        double[] edges = new double[bins - 1];
        for (int b = 1; b < bins; b++) {
            edges[b - 1] = sorted[(int) ((long) b * (sorted.length - 1) / bins)];
        }
        return edges;
    }

    /** Share of {@code values} in each bin bounded by {@code edges} (a value on an edge goes to the bin above). */
    public static double[] proportions(double[] values, double[] edges) {
        double[] share = new double[edges.length + 1];
        for (double v : values) {
            int bin = Arrays.binarySearch(edges, v);
            bin = bin >= 0 ? bin + 1 : -bin - 1;
            share[bin] += 1.0 / values.length;
        }
        return share;
    }

    public static double psi(double[] expected, double[] actual) {
        double psi = 0;
        for (int i = 0; i < expected.length; i++) {
            double e = Math.max(expected[i], FLOOR);
            double a = Math.max(actual[i], FLOOR);
            psi += (a - e) * Math.log(a / e);
        }
        return psi;
    }
}
