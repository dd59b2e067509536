package dev.arbiter.scenarios.bench;

import dev.arbiter.kb.fact.Bar;
import dev.arbiter.scenarios.data.ScenarioData;
import dev.arbiter.scenarios.run.RunResult;
import dev.arbiter.scenarios.run.Scenarios;
import dev.arbiter.scenarios.spec.ScenarioFiles;
import dev.arbiter.scenarios.spec.ScenarioSpec;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Strategy;
import org.ta4j.core.Trade;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.backtest.TradeOnNextOpenModel;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.averages.EMAIndicator;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DecimalNumFactory;
import org.ta4j.core.rules.OverIndicatorRule;
import org.ta4j.core.rules.StopLossRule;
import org.ta4j.core.rules.UnderIndicatorRule;
import org.ta4j.core.rules.WaitForRule;

/**
 * Bars per second through the full decision pipeline (one decision per bar: indicators, Drools, Timefold
 * when something survives, Z3, Prolog, fills) beside ta4j's own backtest ({@link BarSeriesManager}) of
 * the momentum strategy alone (EMA(20) above SMA(50), RSI(14) between 50 and 70; exit after the
 * scenario's holding bars or a 2 % stop), on the same bars, with no risk layer.
 *
 * <pre>java ... dev.arbiter.scenarios.bench.ScenarioThroughputHarness SCENARIO.yaml [bars] [ta4jRuns]</pre>
 */
public final class ScenarioThroughputHarness {

    private ScenarioThroughputHarness() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: ScenarioThroughputHarness SCENARIO.yaml [bars=all] [ta4jRuns=5]");
            System.exit(2);
        }
        ScenarioSpec spec = ScenarioFiles.read(Path.of(args[0]));
        Map<String, List<Bar>> all = ScenarioData.load(spec);
        int bars = args.length > 1 ? Integer.parseInt(args[1]) : Integer.MAX_VALUE;
        int ta4jRuns = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Map<String, List<Bar>> slice = new LinkedHashMap<>();
        all.forEach((symbol, series) -> slice.put(symbol, series.subList(0, Math.min(series.size(), bars + spec.windowBars() - 1))));
        List<Bar> first = slice.values().iterator().next();
        Instant start = first.get(spec.windowBars() - 1).openTime();
        System.out.printf(Locale.ROOT, "bars loaded=%d decisions from %s to %s%n", first.size(), start,
                first.get(first.size() - 1).openTime());

        // Wall time and this thread's CPU time: on a shared machine the CPU time is the steadier figure.
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuBefore = threads.getCurrentThreadCpuTime();
        RunResult run = Scenarios.run(spec, slice);
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1e9;
        double seconds = run.elapsedNanos() / 1e9;
        System.out.printf(Locale.ROOT, "pipeline: decisions=%d seconds=%.1f bars_per_s=%.1f cpu_seconds=%.1f bars_per_cpu_s=%.1f trades=%d%n",
                run.steps().size(), seconds, run.steps().size() / seconds, cpuSeconds, run.steps().size() / cpuSeconds,
                run.trades().size());

        BarSeries series = series(first);
        Strategy strategy = momentum(series, spec.exits().maxHoldingBars());
        BarSeriesManager manager = new BarSeriesManager(series, new TradeOnNextOpenModel());
        int from = spec.windowBars() - 1;
        manager.run(strategy, from, series.getEndIndex()); // warm-up
        long best = Long.MAX_VALUE;
        long bestCpu = Long.MAX_VALUE;
        TradingRecord record = null;
        for (int i = 0; i < ta4jRuns; i++) {
            Strategy fresh = momentum(series, spec.exits().maxHoldingBars()); // fresh indicator caches each run
            long t0 = System.nanoTime();
            long c0 = threads.getCurrentThreadCpuTime();
            record = new BarSeriesManager(series, new TradeOnNextOpenModel()).run(fresh, from, series.getEndIndex());
            best = Math.min(best, System.nanoTime() - t0);
            bestCpu = Math.min(bestCpu, threads.getCurrentThreadCpuTime() - c0);
        }
        int ta4jBars = series.getEndIndex() - from + 1;
        double ta4jPerSecond = ta4jBars / (best / 1e9);
        double ta4jPerCpuSecond = ta4jBars / (bestCpu / 1e9);
        System.out.printf(Locale.ROOT, "ta4j BarSeriesManager: bars=%d best_seconds=%.3f bars_per_s=%.0f bars_per_cpu_s=%.0f positions=%d%n",
                ta4jBars, best / 1e9, ta4jPerSecond, ta4jPerCpuSecond, record.getPositionCount());
        System.out.printf(Locale.ROOT, "ratio ta4j/pipeline wall=%.0f cpu=%.0f%n", ta4jPerSecond / (run.steps().size() / seconds),
                ta4jPerCpuSecond / (run.steps().size() / cpuSeconds));
    }

    static BarSeries series(List<Bar> bars) {
        BarSeries series = new BaseBarSeriesBuilder().withName(bars.get(0).symbol())
                .withNumFactory(DecimalNumFactory.getInstance()).build();
        for (Bar bar : bars) {
            series.barBuilder().timePeriod(bar.period()).endTime(bar.endTime()).openPrice(bar.open())
                    .highPrice(bar.high()).lowPrice(bar.low()).closePrice(bar.close()).volume(bar.volume()).add();
        }
        return series;
    }

    static Strategy momentum(BarSeries series, int holdingBars) {
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        EMAIndicator ema = new EMAIndicator(close, 20);
        SMAIndicator sma = new SMAIndicator(close, 50);
        RSIIndicator rsi = new RSIIndicator(close, 14);
        return new BaseStrategy("momentum",
                new OverIndicatorRule(ema, sma).and(new OverIndicatorRule(rsi, 50)).and(new UnderIndicatorRule(rsi, 70)),
                new WaitForRule(Trade.TradeType.BUY, holdingBars).or(new StopLossRule(close, 2)), 50);
    }
}
