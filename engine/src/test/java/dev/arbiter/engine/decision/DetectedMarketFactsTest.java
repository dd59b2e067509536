package dev.arbiter.engine.decision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.engine.json.ArbiterJson;
import dev.arbiter.engine.state.EngineDecisions;
import dev.arbiter.engine.state.TradingCore;
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
 * The engine detects regimes and anomalies from the bars it keeps: the documented example with its last bar turned
 * into a 6% fall gets a FLASH_CRASH anomaly, and the L4 rule stops opening orders, quoting the detector's evidence;
 * both when the engine's market stream takes the crashing bar from a client's request and when a complete request
 * carries only bars (a stream fed those bars works it out).
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

    /** The example's last bar (13:30-13:35) falling 6% from its open 1692.33 to 1692.33 x 0.94 = 1590.7902. */
    private static List<MarketSeries.Row> crashedRows(MarketSeries series) {
        List<MarketSeries.Row> rows = new ArrayList<>(series.bars());
        MarketSeries.Row last = rows.remove(rows.size() - 1);
        BigDecimal low = last.open().multiply(new BigDecimal("0.94"));
        rows.add(new MarketSeries.Row(last.openTime(), last.open(), last.open(), low, low, last.volume()));
        return rows;
    }

    @Test
    void aCrashingBarAClientSendsReachesTheEnginesStreamAndStopsOpeningOrders() {
        // the engine holds the example's bars up to 13:30; the client's request brings the crashing 13:30 bar
        TradingCore core = ExampleRequests.core(ExampleRequests.bars().size() - 1);
        MarketSeries example = ArbiterJson.mapper()
                .readValue(ExampleRequests.bytes("bars.json"), MarketSeries.class);
        List<MarketSeries.Row> rows = crashedRows(example);
        ClientRequest client = ExampleRequests.client();
        ClientRequest withBar = new ClientRequest(client.requestId(), client.asOf(), client.account(), null, null, null,
                List.of(new MarketSeries(example.symbol(), example.period(), rows.subList(rows.size() - 1, rows.size()))),
                client.predictions(), client.models(), client.intents(), null);

        DecisionResult result = new EngineDecisions(core).decide("dec-crash-stream", withBar, pipeline);

        assertThat(result.trace().request().market()).singleElement()
                .satisfies(v -> assertThat(v.lastBar().close()).isEqualByComparingTo("1590.7902"));
        assertFlashCrashStopsOpeningOrders(result);
    }

    @Test
    void aFallOfSixPercentInTheLastBarIsAFlashCrashThatStopsOpeningOrders() {
        DecisionRequest example = ExampleRequests.example();
        MarketSeries series = example.marketData().get(0);
        // carrying bars and no market views, the request's facts are worked out by a stream fed its bars
        DecisionRequest crashed = new DecisionRequest(example.requestId(), example.asOf(), example.account(), example.positions(),
                example.openOrders(), example.instruments(),
                List.of(new MarketSeries(series.symbol(), series.period(), crashedRows(series))),
                example.predictions(), example.intents(), example.context());

        DecisionResult result = pipeline.decide("dec-crash", crashed);

        assertFlashCrashStopsOpeningOrders(result);
    }

    private static void assertFlashCrashStopsOpeningOrders(DecisionResult result) {
        List<Firing> crashes = result.trace().firings().stream().filter(f -> f.reasonCode().equals("L4-FLASH-CRASH")).toList();
        assertThat(crashes).isNotEmpty();
        // the highest close of the 3 bars before: 1699.3 (13:15-13:20); (1699.3 - 1590.7902) / 1699.3 = 6.39%
        assertThat(crashes.get(0).matchedOf(Anomaly.class)).anyMatch(a -> a.symbol().equals("ETH-USD")
                && a.kind() == AnomalyKind.FLASH_CRASH
                && a.evidence().contains("close fell 6.39% from 1699.3 (bar ending 2023-03-15T13:20:00Z) to 1590.7902"
                        + " within 3 bars"));
        assertThat(result.decision().orders()).isEmpty();
    }

    @Test
    void theUntouchedExampleHasNoDetectedAnomaly() {
        DecisionResult result = pipeline.decide("dec-calm", ExampleRequests.example());

        assertThat(result.trace().firings()).allSatisfy(f -> assertThat(f.matchedOf(Anomaly.class)).isEmpty());
    }
}
