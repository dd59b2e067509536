package dev.arbiter.engine.service.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.engine.decision.DecisionTrace;
import dev.arbiter.engine.decision.ExampleRequests;
import dev.arbiter.engine.decision.MarketSeries;
import dev.arbiter.engine.json.CanonicalJson;
import dev.arbiter.kb.fact.IndicatorValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A trace stored with its shared parts named reads back as the trace written whole, byte for byte. */
class TraceWindowsTest {

    private static DecisionPipeline pipeline;
    private static DecisionTrace trace;

    @BeforeAll
    static void decide() {
        pipeline = DecisionPipeline.withShippedDefaults();
        trace = pipeline.decide("dec-windows", ExampleRequests.example()).trace();
    }

    @AfterAll
    static void close() {
        pipeline.close();
    }

    @Test
    void theStoredTraceNamesEachSeriesBarsTheMarketViewsAndTheIndicatorsAndReadsBackWholeByteForByte() {
        String whole = CanonicalJson.write(trace);
        TraceWindows.Split split = TraceWindows.split(trace);

        int seriesWithBars = (int) trace.request().marketData().stream().filter(m -> !m.bars().isEmpty()).count();
        assertThat(seriesWithBars).isPositive();
        assertThat(trace.request().market()).isNotEmpty();
        assertThat(trace.indicators()).isNotEmpty();
        assertThat(TraceWindows.names(split.stored())).hasSize(seriesWithBars + 2);
        assertThat(split.windows()).hasSize(seriesWithBars + 2);
        for (MarketSeries series : trace.request().marketData()) {
            String bars = CanonicalJson.write(series.bars());
            assertThat(split.windows()).containsEntry(CanonicalJson.sha256(bars), bars);
            assertThat(split.stored()).doesNotContain(bars);
        }
        for (String shared : List.of(CanonicalJson.write(trace.request().market()), CanonicalJson.write(trace.indicators()))) {
            assertThat(split.windows()).containsEntry(CanonicalJson.sha256(shared), shared);
            assertThat(split.stored()).doesNotContain(shared);
        }
        assertThat(split.stored().length()).isLessThan(whole.length() - 10_000);

        assertThat(split.whole()).isEqualTo(whole);
        assertThat(TraceWindows.whole(split.stored(), split.windows()::get)).isEqualTo(whole);
        assertThat(CanonicalJson.mapper().readValue(split.whole(), DecisionTrace.class).request().marketData())
                .isEqualTo(trace.request().marketData());
    }

    @Test
    void aTraceStoredWholeReadsBackAsItIs() {
        String whole = CanonicalJson.write(trace);
        assertThat(TraceWindows.whole(whole, name -> {
            throw new AssertionError("no window to look up");
        })).isEqualTo(whole);
    }

    @Test
    void aMissingWindowIsNamedNotGuessed() {
        TraceWindows.Split split = TraceWindows.split(trace);
        String name = TraceWindows.names(split.stored()).getFirst(); // the first a read looks up
        assertThatThrownBy(() -> TraceWindows.whole(split.stored(), Map.<String, String>of()::get))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(name).hasMessageContaining("missing");
    }

    /**
     * Checks between two bars gather their lists anew, holding the same objects: the same window. A list of as many
     * values, one of them another object with another figure, is another window, never the one remembered.
     */
    @Test
    void aListOfTheSameObjectsIsTheSameWindowAndOneOtherValueMakesAnother() {
        List<IndicatorValue> seen = trace.indicators();
        IndicatorValue first = seen.getFirst();
        List<IndicatorValue> oneOther = new ArrayList<>(seen);
        oneOther.set(0, new IndicatorValue(first.symbol(), first.name(), first.time(), first.value() + 1));
        String stored = TraceWindows.split(trace).stored();

        assertThat(TraceWindows.split(withIndicators(new ArrayList<>(seen))).stored()).isEqualTo(stored);
        DecisionTrace other = withIndicators(oneOther);
        TraceWindows.Split split = TraceWindows.split(other);
        String values = CanonicalJson.write(oneOther);
        assertThat(split.windows()).containsEntry(CanonicalJson.sha256(values), values);
        assertThat(split.stored()).isNotEqualTo(stored);
        assertThat(split.whole()).isEqualTo(CanonicalJson.write(other));

        // more lists than windows are remembered, so some share a place: each is still named by its own values
        for (int n = 0; n < 200; n++) {
            List<IndicatorValue> one = List.of(new IndicatorValue(first.symbol(), first.name(), first.time(), n));
            String text = CanonicalJson.write(one);
            assertThat(TraceWindows.split(withIndicators(one)).windows()).containsEntry(CanonicalJson.sha256(text), text);
        }
    }

    private static DecisionTrace withIndicators(List<IndicatorValue> indicators) {
        DecisionTrace t = trace;
        return new DecisionTrace(t.decisionId(), t.versions(), t.request(), indicators, t.feeds(), t.exposures(),
                t.firings(), t.sessionFault(), t.outcomes(), t.allocationProblem(), t.allocation(), t.proof(),
                t.explanations(), t.proposals(), t.modelPredictions());
    }
}
