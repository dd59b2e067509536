package dev.arbiter.mlbridge.model;

import java.time.Instant;
import java.util.List;

/**
 * Samples in time order: features at bar {@code barIndex[i]} (time {@code time[i]}, the bar's close)
 * and the label over the following {@code horizon} bars.
 *
 * @param forwardReturn the label's log return, for expected-return calibration
 * @param dataSha256    SHA-256 of the bars the dataset was built from (canonical CSV rows)
 */
public record Dataset(String symbol, List<String> features, double[][] x, int[] y, int[] barIndex, Instant[] time,
                      double[] forwardReturn, ForwardReturnLabel label, String dataSha256) {

    public int size() {
        return y.length;
    }

    /** The rows {@code rows} of x. */
    public double[][] x(int[] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = x[rows[i]];
        }
        return out;
    }

    public int[] y(int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = y[rows[i]];
        }
        return out;
    }
}
