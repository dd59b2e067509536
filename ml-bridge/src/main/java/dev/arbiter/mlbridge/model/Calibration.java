package dev.arbiter.mlbridge.model;

import java.util.ArrayList;
import java.util.List;

/**
 * How well probabilities match the frequencies they claim: out-of-sample predictions grouped into equal-width
 * bins of predicted probability, each bin's mean prediction beside the share of up moves observed in it; the
 * expected calibration error (the bins' gaps weighted by their sizes) and the Brier score (mean squared error
 * of the probability, 0.25 for a constant 0.5).
 *
 * @param bins                    the non-empty bins, lowest first
 * @param expectedCalibrationError Σ (count / n) |mean predicted − observed| over the bins
 * @param brier                   mean of (p − outcome)²
 */
public record Calibration(List<Bin> bins, double expectedCalibrationError, double brier) {

    /** One bin of predicted probabilities, {@code [lower, upper)} (the last bin includes 1). */
    public record Bin(double lower, double upper, int count, double meanPredicted, double observedUpShare) {
    }

    public Calibration {
        bins = List.copyOf(bins);
    }

    public static Calibration of(int[] truth, double[] probabilityUp, int binCount) {
        if (truth.length != probabilityUp.length || truth.length == 0) {
            throw new IllegalArgumentException("calibration needs as many outcomes as probabilities, at least one; got "
                    + truth.length + " and " + probabilityUp.length);
        }
        int[] count = new int[binCount];
        double[] predicted = new double[binCount];
        int[] ups = new int[binCount];
        double brier = 0;
        for (int i = 0; i < truth.length; i++) {
            double p = probabilityUp[i];
            int bin = Math.min(binCount - 1, (int) Math.floor(p * binCount));
            count[bin]++;
            predicted[bin] += p;
            ups[bin] += truth[i];
            brier += (p - truth[i]) * (p - truth[i]);
        }
        List<Bin> bins = new ArrayList<>();
        double ece = 0;
        for (int b = 0; b < binCount; b++) {
            if (count[b] == 0) {
                continue;
            }
            double mean = predicted[b] / count[b];
            double observed = (double) ups[b] / count[b];
            bins.add(new Bin((double) b / binCount, (double) (b + 1) / binCount, count[b], mean, observed));
            ece += (double) count[b] / truth.length * Math.abs(mean - observed);
        }
        return new Calibration(bins, ece, brier / truth.length);
    }
}
