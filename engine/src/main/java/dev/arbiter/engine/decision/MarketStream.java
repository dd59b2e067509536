package dev.arbiter.engine.decision;

import dev.arbiter.kb.fact.Anomaly;
import dev.arbiter.kb.fact.AnomalyKind;
import dev.arbiter.kb.fact.Bar;
import dev.arbiter.mlbridge.features.BarFlag;
import dev.arbiter.mlbridge.features.FeatureSet;
import dev.arbiter.mlbridge.features.FeatureUpdate;
import dev.arbiter.mlbridge.features.StreamingFeatures;
import dev.arbiter.mlbridge.regime.AnomalyDetector;
import dev.arbiter.mlbridge.regime.AnomalySettings;
import dev.arbiter.mlbridge.regime.RegimeDetector;
import dev.arbiter.mlbridge.regime.RegimeSettings;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One instrument and period, bar by bar: indicators stream ({@link StreamingFeatures}), the last {@code kept} bars
 * are held for regimes, anomalies, models and covariance, and each accepted bar leaves a {@link MarketView}. This is
 * the only place market facts are worked out, whether the bars come from the journal or from one request.
 * Not thread-safe: one writer per stream.
 */
public final class MarketStream {

    private static final RegimeDetector REGIMES = new RegimeDetector(RegimeSettings.DEFAULTS);
    private static final AnomalyDetector ANOMALIES = new AnomalyDetector(AnomalySettings.DEFAULTS);

    private final String symbol;
    private final Duration period;
    private final StreamingFeatures features;
    private final ArrayDeque<Bar> kept;
    /** What readers see: replaced whole on each bar, so a decision on another thread reads a consistent window. */
    private volatile List<Bar> window = List.of();
    /** The window as a request's rows, made on the first read after each bar: every check until the next reads it. */
    private volatile Rows rows = new Rows(List.of(), List.of());
    private final int keep;
    private volatile MarketView view;

    public MarketStream(String symbol, Duration period, FeatureSet set, int keep) {
        this.symbol = symbol;
        this.period = period;
        this.keep = keep;
        this.kept = new ArrayDeque<>(keep + 1);
        this.features = new StreamingFeatures(symbol, period, set, Math.max(keep, StreamingFeatures.DEFAULT_RETAINED_BARS));
    }

    /**
     * Checks and accepts a bar (the bar policy of {@link StreamingFeatures}: refused bars throw and leave the stream
     * as it was; an identical repeat is ignored).
     *
     * @return whether the bar was new
     */
    public boolean accept(Bar bar) {
        FeatureUpdate update = features.accept(bar);
        if (update.flags().stream().anyMatch(f -> f.kind() == BarFlag.Kind.DUPLICATE)) {
            return false;
        }
        kept.addLast(bar);
        while (kept.size() > keep) {
            kept.removeFirst();
        }
        List<Bar> window = List.copyOf(kept);
        this.window = window;
        List<Anomaly> anomalies = new ArrayList<>();
        // detected at the bar's own end, so no stale feed here: staleness is judged at decision time
        ANOMALIES.detect(window, bar.endTime()).stream().filter(a -> a.kind() != AnomalyKind.STALE_FEED)
                .forEach(anomalies::add);
        view = new MarketView(symbol, period, bar, features.barCount(), update.facts(), REGIMES.detect(window), anomalies);
        return true;
    }

    /** The view at the latest bar, or null before the first. */
    public MarketView view() {
        return view;
    }

    /** The bars kept, oldest first. */
    public List<Bar> bars() {
        return window;
    }

    /** The bars kept as a request's rows, oldest first: the same list until the next bar. */
    public List<MarketSeries.Row> rows() {
        Rows made = rows;
        List<Bar> bars = window;
        if (made.bars() != bars) {
            made = new Rows(bars, List.copyOf(bars.stream().map(b -> new MarketSeries.Row(b.openTime(), b.open(),
                    b.high(), b.low(), b.close(), b.volume())).toList()));
            rows = made;
        }
        return made.rows();
    }

    private record Rows(List<Bar> bars, List<MarketSeries.Row> rows) {
    }

    public String symbol() {
        return symbol;
    }

    public Duration period() {
        return period;
    }

    /** A stale-feed anomaly when the latest bar is too old at {@code asOf}, judged as the detector judges it. */
    public static List<Anomaly> staleAt(Bar last, java.time.Instant asOf) {
        return ANOMALIES.detect(List.of(last), asOf).stream().filter(a -> a.kind() == AnomalyKind.STALE_FEED).toList();
    }
}
