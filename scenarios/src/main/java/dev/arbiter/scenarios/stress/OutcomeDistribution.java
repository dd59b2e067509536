package dev.arbiter.scenarios.stress;

import java.util.Arrays;
import java.util.List;

/**
 * The distribution of a strategy's outcomes over Monte Carlo paths.
 *
 * @param valueAtRisk95       the loss (positive) not exceeded on 95 % of paths: minus the 5 % quantile of P&L
 * @param expectedShortfall95 the mean loss on the worst 5 % of paths (at least one path)
 * @param drawdownBreach      share of paths whose max drawdown reached {@code drawdownLimit}
 */
public record OutcomeDistribution(int paths, double meanPnl, double medianPnl, double worstPnl, double bestPnl,
                                  double valueAtRisk95, double expectedShortfall95, double drawdownLimit,
                                  double drawdownBreach, double medianMaxDrawdown) {

    public static OutcomeDistribution of(List<Double> pnl, List<Double> maxDrawdowns, double drawdownLimit) {
        double[] sorted = pnl.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        // Lower 5 % quantile by the nearest-rank method; the tail holds at least one path.
        int tail = Math.max(1, (int) Math.ceil(0.05 * n));
        double var = -sorted[tail - 1];
        double es = -Arrays.stream(sorted, 0, tail).average().orElse(0);
        double[] dd = maxDrawdowns.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        long breaches = maxDrawdowns.stream().filter(d -> d >= drawdownLimit).count();
        return new OutcomeDistribution(n, Arrays.stream(sorted).average().orElse(0), median(sorted), sorted[0],
                sorted[n - 1], var, es, drawdownLimit, breaches / (double) n, median(dd));
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
