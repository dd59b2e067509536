package dev.arbiter.mlbridge.regime;

import dev.arbiter.kb.fact.Bar;
import java.util.Arrays;
import java.util.List;

/** Log returns and robust statistics over them, shared by the regime and anomaly detectors. */
final class Volatility {

    /** 1.4826 × MAD estimates the standard deviation of normally distributed data. */
    static final double MAD_TO_SIGMA = 1.4826;

    private Volatility() {
    }

    /** {@code r[i] = ln(close[i+1] / close[i])}; one fewer than the bars. */
    static double[] logReturns(List<Bar> bars) {
        double[] r = new double[Math.max(0, bars.size() - 1)];
        for (int i = 1; i < bars.size(); i++) {
            r[i - 1] = Math.log(bars.get(i).close().doubleValue() / bars.get(i - 1).close().doubleValue());
        }
        return r;
    }

    /** Sample standard deviation of {@code x[from, to)}. */
    static double stdDev(double[] x, int from, int to) {
        int n = to - from;
        double mean = 0;
        for (int i = from; i < to; i++) {
            mean += x[i];
        }
        mean /= n;
        double ss = 0;
        for (int i = from; i < to; i++) {
            ss += (x[i] - mean) * (x[i] - mean);
        }
        return Math.sqrt(ss / (n - 1));
    }

    static double median(double[] x) {
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Robust standard deviation: 1.4826 × the median absolute deviation from the median. */
    static double robustSigma(double[] x) {
        double median = median(x);
        double[] deviations = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            deviations[i] = Math.abs(x[i] - median);
        }
        return MAD_TO_SIGMA * median(deviations);
    }
}
