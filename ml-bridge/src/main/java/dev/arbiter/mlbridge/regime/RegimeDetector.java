package dev.arbiter.mlbridge.regime;

import dev.arbiter.kb.fact.Bar;
import dev.arbiter.kb.fact.Regime;
import dev.arbiter.kb.fact.RegimeKind;
import dev.arbiter.mlbridge.features.FeatureSet;
import dev.arbiter.mlbridge.features.FeatureUpdate;
import dev.arbiter.mlbridge.features.StreamingFeatures;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The regime an instrument is in at its last bar, from its bars alone. Two facts at most: a
 * direction (always, once enough bars exist) and a volatility state (only when volatility is high).
 *
 * <p>Direction, from ADX(14), +DI/−DI(14) and SMA(50) (ta4j, Wilder smoothing):
 * <ul>
 *   <li>{@code TRENDING_UP}: ADX ≥ 25, close above SMA(50) and +DI above −DI;</li>
 *   <li>{@code TRENDING_DOWN}: ADX ≥ 25, close below SMA(50) and −DI above +DI;</li>
 *   <li>{@code RANGING}: otherwise (no trend strength, or strength without an agreed direction).</li>
 * </ul>
 * Volatility, from the standard deviation of 1-bar log returns over the last 20 bars compared with
 * the median of the same measure over up to 500 bars of history (the ratio is scale-free, so one
 * threshold serves minute and daily bars):
 * <ul>
 *   <li>{@code CRISIS}: ratio ≥ 3 and the close at least 10% below its highest close in that history;</li>
 *   <li>{@code HIGH_VOLATILITY}: ratio ≥ 2 (and not a crisis).</li>
 * </ul>
 * Fewer than {@link RegimeSettings#minimumBars()} bars: no regime at all (unknown, not "ranging").
 */
public final class RegimeDetector {

    private static final FeatureSet TREND = FeatureSet.of("regime", List.of("adx_14", "plusdi_14", "minusdi_14", "sma_50"));

    private final RegimeSettings settings;

    public RegimeDetector(RegimeSettings settings) {
        this.settings = settings;
    }

    /** Regimes at the last bar of an ordered series of one instrument. */
    public List<Regime> detect(List<Bar> bars) {
        if (bars.size() < settings.minimumBars()) {
            return List.of();
        }
        Bar last = bars.get(bars.size() - 1);
        List<Regime> regimes = new ArrayList<>(2);
        regimes.add(direction(bars, last));
        volatility(bars, last, regimes);
        return regimes;
    }

    private Regime direction(List<Bar> bars, Bar last) {
        StreamingFeatures trend = new StreamingFeatures(last.symbol(), last.period(), TREND);
        bars.forEach(trend::append);
        FeatureUpdate at = new FeatureUpdate(last, TREND.columns(), trend.valuesAt(trend.lastIndex()), List.of());
        double adx = at.value("adx_14");
        double plus = at.value("plusdi_14");
        double minus = at.value("minusdi_14");
        double sma = at.value("sma_50");
        double close = last.close().doubleValue();
        RegimeKind kind;
        if (adx >= settings.trendAdx() && close > sma && plus > minus) {
            kind = RegimeKind.TRENDING_UP;
        } else if (adx >= settings.trendAdx() && close < sma && minus > plus) {
            kind = RegimeKind.TRENDING_DOWN;
        } else {
            kind = RegimeKind.RANGING;
        }
        String evidence = String.format(Locale.ROOT, "ADX(14) %.1f (trend at >= %.0f), +DI %.1f, -DI %.1f, close %s %s SMA(50) %.2f",
                adx, settings.trendAdx(), plus, minus, last.close().toPlainString(), close > sma ? "above" : "at or below", sma);
        return new Regime(last.symbol(), kind, last.endTime(), evidence);
    }

    private void volatility(List<Bar> bars, Bar last, List<Regime> regimes) {
        List<Bar> history = bars.subList(Math.max(0, bars.size() - settings.volHistory() - 1), bars.size());
        double[] returns = Volatility.logReturns(history);
        int w = settings.volWindow();
        double[] rolling = new double[returns.length - w + 1];
        for (int i = 0; i < rolling.length; i++) {
            rolling[i] = Volatility.stdDev(returns, i, i + w);
        }
        double current = rolling[rolling.length - 1];
        double median = Volatility.median(rolling);
        if (median <= 0) {
            return; // a flat history: no scale to compare with
        }
        double ratio = current / median;
        double highest = history.stream().mapToDouble(b -> b.close().doubleValue()).max().orElseThrow();
        double drawdown = 1 - last.close().doubleValue() / highest;
        String evidence = String.format(Locale.ROOT,
                "%d-bar realised volatility %.5f is %.2fx its median %.5f over %d bars; close %.1f%% below the highest close %s",
                w, current, ratio, median, history.size(), 100 * drawdown, plain(highest));
        if (ratio >= settings.crisisVolRatio() && drawdown >= settings.crisisDrawdown()) {
            regimes.add(new Regime(last.symbol(), RegimeKind.CRISIS, last.endTime(), evidence + String.format(Locale.ROOT,
                    " (crisis at >= %.1fx and >= %.0f%%)", settings.crisisVolRatio(), 100 * settings.crisisDrawdown())));
        } else if (ratio >= settings.highVolRatio()) {
            regimes.add(new Regime(last.symbol(), RegimeKind.HIGH_VOLATILITY, last.endTime(), evidence + String.format(Locale.ROOT,
                    " (high at >= %.1fx)", settings.highVolRatio())));
        }
    }

    private static String plain(double price) {
        return java.math.BigDecimal.valueOf(price).stripTrailingZeros().toPlainString();
    }
}
