package dev.arbiter.engine.decision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.kb.fact.Anomaly;
import dev.arbiter.kb.fact.AnomalyKind;
import dev.arbiter.rules.session.Firing;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine detects regimes and anomalies from the request's own bars: the documented example with
 * its last bar turned into a 6% fall gets a FLASH_CRASH anomaly, and the L4 rule stops opening orders,
 * quoting the detector's evidence.
 */
class DetectedMarketFactsTest {

    private static DecisionPipeline pipeline;

    @BeforeAll
    static void start() {
        pipeline = DecisionPipeline.withShippedDefaults();
    }

    @AfterAll
    static void close() {
        pipeline.close();
    }

    @Test
    void aFallOfSixPercentInTheLastBarIsAFlashCrashThatStopsOpeningOrders() {
        DecisionRequest example = ExampleRequests.example();
        MarketSeries series = example.marketData().get(0);
        List<MarketSeries.Row> rows = new ArrayList<>(series.bars());
        MarketSeries.Row last = rows.remove(rows.size() - 1);
        BigDecimal low = last.open().multiply(new BigDecimal("0.94"));
        rows.add(new MarketSeries.Row(last.openTime(), last.open(), last.open(), low, low, last.volume()));
        DecisionRequest crashed = new DecisionRequest(example.requestId(), example.asOf(), example.account(), example.positions(),
                example.openOrders(), example.instruments(), List.of(new MarketSeries(series.symbol(), series.period(), rows)),
                example.predictions(), example.intents(), example.context());

        DecisionResult result = pipeline.decide("dec-crash", crashed);

        List<Firing> crashes = result.trace().firings().stream().filter(f -> f.reasonCode().equals("L4-FLASH-CRASH")).toList();
        assertThat(crashes).isNotEmpty();
        assertThat(crashes.get(0).matchedOf(Anomaly.class)).anyMatch(a -> a.symbol().equals("ETH-USD")
                && a.kind() == AnomalyKind.FLASH_CRASH
                && a.evidence().contains("close fell 6.39% from 1699.3 (bar ending 2023-03-15T13:20:00Z) to 1590.7902"
                        + " within 3 bars"));
    }

    @Test
    void theUntouchedExampleHasNoDetectedAnomaly() {
        DecisionResult result = pipeline.decide("dec-calm", ExampleRequests.example());

        assertThat(result.trace().firings()).allSatisfy(f -> assertThat(f.matchedOf(Anomaly.class)).isEmpty());
    }
}
