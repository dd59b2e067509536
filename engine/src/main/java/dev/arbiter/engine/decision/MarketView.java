package dev.arbiter.engine.decision;

import dev.arbiter.kb.fact.Anomaly;
import dev.arbiter.kb.fact.Bar;
import dev.arbiter.kb.fact.IndicatorValue;
import dev.arbiter.kb.fact.Regime;
import java.time.Duration;
import java.util.List;

/**
 * What the engine's market stream of one instrument and period knows at its latest bar, worked out when that bar
 * arrived (never per request): the bar itself, how many bars the stream has seen, the indicator values at it, and
 * the regimes and anomalies detected over the bars kept. A decision's trace keeps the views it was made from, so a
 * replay reads the same figures.
 *
 * @param barCount  bars the stream has accepted in all
 * @param anomalies anomalies at the latest bar (data gaps within the bars kept, flash crashes); a stale feed is
 *                  judged at decision time from {@code lastBar}
 */
public record MarketView(String symbol, Duration period, Bar lastBar, long barCount, List<IndicatorValue> indicators,
                         List<Regime> regimes, List<Anomaly> anomalies) {

    public MarketView {
        indicators = List.copyOf(indicators);
        regimes = List.copyOf(regimes);
        anomalies = List.copyOf(anomalies);
    }
}
