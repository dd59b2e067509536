package dev.arbiter.mlbridge.regime;

import dev.arbiter.kb.fact.Anomaly;
import dev.arbiter.kb.fact.AnomalyKind;
import dev.arbiter.kb.fact.Bar;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Market-data anomalies in an ordered bar series of one instrument, as facts with their evidence:
 * <ul>
 *   <li>{@code DATA_GAP}: every place bars are missing, with how many;</li>
 *   <li>{@code STALE_FEED}: the last bar ended {@code staleAfterBars} periods or more before the
 *       decision time;</li>
 *   <li>{@code FLASH_CRASH}: within the latest {@code flashBars} bars, the close fell {@code flashDrop}
 *       or more below the highest close just before or inside them, or one bar's log return was below
 *       −{@code flashSigmas} robust standard deviations (1.4826 × MAD of the {@code sigmaHistory}
 *       returns before those bars). Only the latest bars count: an old crash in the history is not
 *       news.</li>
 * </ul>
 * Spread blow-outs need quotes: see {@link SpreadMonitor}.
 */
public final class AnomalyDetector {

    private final AnomalySettings settings;

    public AnomalyDetector(AnomalySettings settings) {
        this.settings = settings;
    }

    public List<Anomaly> detect(List<Bar> bars, Instant asOf) {
        List<Anomaly> anomalies = new ArrayList<>(gaps(bars));
        stale(bars.get(bars.size() - 1), asOf, anomalies);
        flashCrash(bars, anomalies);
        return anomalies;
    }

    /** Missing bars in a checked series, one anomaly per gap. */
    public static List<Anomaly> gaps(List<Bar> bars) {
        List<Anomaly> gaps = new ArrayList<>();
        for (int i = 1; i < bars.size(); i++) {
            Bar previous = bars.get(i - 1);
            Bar bar = bars.get(i);
            Duration between = Duration.between(previous.endTime(), bar.openTime());
            if (between.isPositive()) {
                long missing = between.dividedBy(bar.period());
                gaps.add(new Anomaly(bar.symbol(), AnomalyKind.DATA_GAP, bar.openTime(),
                        (missing == 0 ? "less than one" : String.valueOf(missing)) + " bar" + (missing == 1 ? "" : "s")
                                + " missing between " + previous.endTime() + " and " + bar.openTime()));
            }
        }
        return gaps;
    }

    private void stale(Bar last, Instant asOf, List<Anomaly> anomalies) {
        Duration age = Duration.between(last.endTime(), asOf);
        Duration limit = last.period().multipliedBy(settings.staleAfterBars());
        if (age.compareTo(limit) >= 0) {
            anomalies.add(new Anomaly(last.symbol(), AnomalyKind.STALE_FEED, asOf, "last bar ended " + last.endTime() + ", "
                    + age.toSeconds() + " s before the decision time (" + age.dividedBy(last.period()) + " periods of "
                    + last.period() + "; stale at " + settings.staleAfterBars() + ")"));
        }
    }

    private void flashCrash(List<Bar> bars, List<Anomaly> anomalies) {
        int n = bars.size();
        int window = Math.min(settings.flashBars(), n - 1);
        if (window < 1) {
            return;
        }
        Bar last = bars.get(n - 1);
        double peak = 0;
        int peakAt = n - 1 - window;
        for (int i = n - 1 - window; i < n - 1; i++) {
            if (bars.get(i).close().doubleValue() > peak) {
                peak = bars.get(i).close().doubleValue();
                peakAt = i;
            }
        }
        double fall = 1 - last.close().doubleValue() / peak;
        if (fall >= settings.flashDrop()) {
            anomalies.add(new Anomaly(last.symbol(), AnomalyKind.FLASH_CRASH, last.endTime(), String.format(Locale.ROOT,
                    "close fell %.2f%% from %s (bar ending %s) to %s within %d bars (flash crash at >= %.1f%% within %d)",
                    100 * fall, bars.get(peakAt).close().toPlainString(), bars.get(peakAt).endTime(), last.close().toPlainString(),
                    n - 1 - peakAt, 100 * settings.flashDrop(), settings.flashBars())));
            return;
        }
        double[] returns = Volatility.logReturns(bars);
        int recentFrom = returns.length - window;
        int historyFrom = Math.max(0, recentFrom - settings.sigmaHistory());
        if (recentFrom - historyFrom < 30) {
            return; // too little history for a robust scale
        }
        double sigma = Volatility.robustSigma(Arrays.copyOfRange(returns, historyFrom, recentFrom));
        if (sigma <= 0) {
            return;
        }
        int worst = recentFrom;
        for (int i = recentFrom; i < returns.length; i++) {
            if (returns[i] < returns[worst]) {
                worst = i;
            }
        }
        double z = returns[worst] / sigma;
        if (z <= -settings.flashSigmas()) {
            Bar at = bars.get(worst + 1);
            anomalies.add(new Anomaly(last.symbol(), AnomalyKind.FLASH_CRASH, at.endTime(), String.format(Locale.ROOT,
                    "bar ending %s returned %.3f%% (log), %.1f robust standard deviations (sigma %.5f from %d returns; flash crash at <= -%.0f)",
                    at.endTime(), 100 * returns[worst], z, sigma, recentFrom - historyFrom, settings.flashSigmas())));
        }
    }
}
