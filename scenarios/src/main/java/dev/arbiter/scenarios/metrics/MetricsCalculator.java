package dev.arbiter.scenarios.metrics;

import dev.arbiter.scenarios.run.Fill;
import dev.arbiter.scenarios.run.RunResult;
import dev.arbiter.scenarios.run.StepRecord;
import dev.arbiter.scenarios.run.Trade;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Computes {@link PerformanceMetrics} from an equity curve, trades and fills. */
public final class MetricsCalculator {

    private static final double DAYS_PER_YEAR = 365.0;

    private MetricsCalculator() {
    }

    public static PerformanceMetrics of(RunResult run) {
        List<Instant> times = new ArrayList<>();
        List<Double> equity = new ArrayList<>();
        List<Boolean> held = new ArrayList<>();
        for (StepRecord step : run.steps()) {
            times.add(step.time());
            equity.add(step.equity());
            held.add(step.grossExposure() > 0);
        }
        return of(run.startingCash(), times, equity, held, run.period(), run.trades(), run.fills());
    }

    /**
     * @param startingCash equity before the first bar
     * @param times        bar times of the equity curve
     * @param equity       equity at each bar's close
     * @param held         whether a position was held at each bar's close
     */
    public static PerformanceMetrics of(double startingCash, List<Instant> times, List<Double> equity, List<Boolean> held,
                                        Duration period, List<Trade> trades, List<Fill> fills) {
        int n = equity.size();
        double last = n == 0 ? startingCash : equity.get(n - 1);
        double totalReturn = last / startingCash - 1;
        double[] returns = new double[n];
        double previous = startingCash;
        for (int i = 0; i < n; i++) {
            returns[i] = equity.get(i) / previous - 1;
            previous = equity.get(i);
        }
        double barsPerYear = DAYS_PER_YEAR * Duration.ofDays(1).toNanos() / (double) period.toNanos();
        double mean = mean(returns);
        double sd = sampleStandardDeviation(returns, mean);
        double downside = 0;
        for (double r : returns) {
            downside += Math.min(r, 0) * Math.min(r, 0);
        }
        downside = n == 0 ? 0 : Math.sqrt(downside / n);
        double annualiser = Math.sqrt(barsPerYear);
        double years = n == 0 ? 0 : (Duration.between(times.get(0), times.get(n - 1)).plus(period).toNanos()
                / (double) Duration.ofDays(1).toNanos()) / DAYS_PER_YEAR;
        double cagr = years <= 0 || last <= 0 ? (last <= 0 ? -1 : 0) : Math.pow(last / startingCash, 1 / years) - 1;
        double maxDrawdown = maxDrawdown(startingCash, equity);
        double gains = 0;
        double losses = 0;
        int wins = 0;
        for (Trade trade : trades) {
            if (trade.pnl() > 0) {
                gains += trade.pnl();
                wins++;
            } else {
                losses -= trade.pnl();
            }
        }
        double traded = fills.stream().mapToDouble(f -> f.quantity() * f.price()).sum();
        double meanEquity = n == 0 ? startingCash : equity.stream().mapToDouble(Double::doubleValue).average().orElse(startingCash);
        long heldBars = held.stream().filter(Boolean::booleanValue).count();
        return new PerformanceMetrics(totalReturn, cagr, sd * annualiser, sd == 0 ? 0 : mean / sd * annualiser,
                downside == 0 ? 0 : mean / downside * annualiser, maxDrawdown, maxDrawdown == 0 ? 0 : cagr / maxDrawdown,
                trades.isEmpty() ? 0 : wins / (double) trades.size(),
                losses == 0 ? (gains > 0 ? Double.POSITIVE_INFINITY : 0) : gains / losses,
                n == 0 ? 0 : heldBars / (double) n, traded / meanEquity, trades.size(),
                worstDay(startingCash, times, equity));
    }

    static double maxDrawdown(double startingCash, List<Double> equity) {
        double peak = startingCash;
        double worst = 0;
        for (double value : equity) {
            peak = Math.max(peak, value);
            worst = Math.max(worst, 1 - value / peak);
        }
        return worst;
    }

    /** Each UTC day's return: its last equity over the previous day's last (the start for the first day). */
    static double worstDay(double startingCash, List<Instant> times, List<Double> equity) {
        Map<LocalDate, Double> closeOfDay = new LinkedHashMap<>();
        for (int i = 0; i < times.size(); i++) {
            closeOfDay.put(times.get(i).atZone(ZoneOffset.UTC).toLocalDate(), equity.get(i));
        }
        double previous = startingCash;
        double worst = 0;
        for (double close : closeOfDay.values()) {
            worst = Math.min(worst, close / previous - 1);
            previous = close;
        }
        return worst;
    }

    static double mean(double[] values) {
        if (values.length == 0) {
            return 0;
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    static double sampleStandardDeviation(double[] values, double mean) {
        if (values.length < 2) {
            return 0;
        }
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return Math.sqrt(sum / (values.length - 1));
    }
}
