package dev.arbiter.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Ledoit–Wolf estimate on hand-checked numbers and on real hourly bars (skipped without the data). */
class LedoitWolfTest {

    private static final Path DATA = Path.of("/work/shared/data/roshan7869-algotrading/spot_1h");

    @Test
    void shrinksTowardsTheScaledIdentityAndScalesToTheHorizon() {
        LinkedHashMap<String, double[]> returns = new LinkedHashMap<>();
        returns.put("A", new double[] {0.01, -0.02, 0.015, 0.0, -0.005});
        returns.put("B", new double[] {0.012, -0.018, 0.01, 0.002, -0.004});

        ReturnCovariance.Estimate one = ReturnCovariance.ledoitWolf(returns, 1);
        ReturnCovariance.Estimate twelve = ReturnCovariance.ledoitWolf(returns, 12);

        assertThat(one.shrinkage()).isBetween(0.0, 1.0);
        assertThat(one.observations()).isEqualTo(5);
        assertThat(twelve.covariance().covariance("A", "B")).isCloseTo(12 * one.covariance().covariance("A", "B"),
                org.assertj.core.data.Offset.offset(1e-15));
        assertThat(one.covariance().covariance("A", "B")).isPositive();
    }

    @Test
    void estimatesAWellConditionedCovarianceFromRealHourlyBars() throws IOException {
        assumeTrue(Files.isDirectory(DATA), "skipped: real market data not found at " + DATA
                + " (see /work/shared/data/MANIFEST.md)");
        LinkedHashMap<String, double[]> returns = new LinkedHashMap<>();
        for (String symbol : List.of("BTC", "ETH", "SOL", "ADA", "XRP")) {
            List<String> lines = Files.readAllLines(DATA.resolve(symbol + "_USDT-1h.csv"));
            int n = 168; // the last week, aligned on the common end time of the files
            double[] r = new double[n];
            for (int i = 0; i < n; i++) {
                double previous = close(lines.get(lines.size() - n - 1 + i));
                r[i] = Math.log(close(lines.get(lines.size() - n + i)) / previous);
            }
            returns.put(symbol, r);
        }

        ReturnCovariance.Estimate estimate = ReturnCovariance.ledoitWolf(returns, 1);

        System.out.printf("LEDOIT-WOLF 5 symbols x 168 hourly returns: shrinkage %.4f, BTC-ETH correlation %.3f%n",
                estimate.shrinkage(), estimate.covariance().covariance("BTC", "ETH")
                        / Math.sqrt(estimate.covariance().covariance("BTC", "BTC")
                        * estimate.covariance().covariance("ETH", "ETH")));
        assertThat(estimate.shrinkage()).isBetween(0.0, 1.0);
        assertThat(estimate.covariance().covariance("BTC", "ETH")).isPositive();
        assertThat(estimate.covariance().covariance("BTC", "BTC")).isBetween(1e-7, 1e-3);
    }

    /** The close column of a CSV row: the header names it; the files here are date,open,high,low,close,volume. */
    private static double close(String line) {
        return Double.parseDouble(line.split(",")[4]);
    }
}
