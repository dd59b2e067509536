package dev.arbiter.engine.service.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.engine.decision.DecisionTrace;
import dev.arbiter.engine.decision.ExampleRequests;
import dev.arbiter.engine.decision.MarketSeries;
import dev.arbiter.engine.json.CanonicalJson;
import dev.arbiter.kb.fact.IndicatorValue;
import dev.arbiter.rules.session.Firing;
import dev.arbiter.rules.session.TracedFact;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

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

    /**
     * The firings match the same few facts again and again: each is written out once, then by its number, and the
     * numbers read back as the facts, in the firings' own order.
     */
    @Test
    void eachFactTheFiringsRepeatIsWrittenOutOnceAndReadsBackInItsPlace() {
        String whole = CanonicalJson.write(trace);
        TraceWindows.Split split = TraceWindows.split(trace);
        List<Object> distinct = new ArrayList<>();
        int facts = 0;
        for (Firing firing : trace.firings()) {
            for (TracedFact fact : concat(firing.matched(), firing.concluded())) {
                facts++;
                // a fact traced as text is written out every time; a record once
                Object record = fact instanceof TracedFact.Typed typed ? typed.fact() : fact;
                if (!(fact instanceof TracedFact.Typed) || distinct.stream().noneMatch(seen -> seen == record)) {
                    distinct.add(record);
                }
            }
        }
        assertThat(facts).as("the example's firings repeat facts").isGreaterThan(distinct.size() + 5);

        JsonNode firings = CanonicalJson.mapper().readTree(split.stored()).path("firings");
        List<JsonNode> written = new ArrayList<>();
        int numbers = 0;
        for (JsonNode firing : firings) {
            for (String list : List.of("matched", "concluded")) {
                for (JsonNode fact : firing.path(list)) {
                    if (fact.isNumber()) {
                        numbers++;
                        assertThat(fact.asInt()).isBetween(0, written.size() - 1);
                    } else {
                        written.add(fact);
                    }
                }
            }
        }
        assertThat(written).hasSize(distinct.size());
        assertThat(numbers).isEqualTo(facts - distinct.size());
        assertThat(split.whole()).isEqualTo(whole);
        assertThat(TraceWindows.whole(split.stored(), split.windows()::get)).isEqualTo(whole);
        assertThat(CanonicalJson.mapper().readValue(split.whole(), DecisionTrace.class).firings()).isEqualTo(trace.firings());
    }

    @Test
    void aFactNumberBeyondTheFactsWrittenBeforeItIsNamedNotGuessed() {
        String stored = TraceWindows.split(trace).stored();
        int at = stored.indexOf("\"matched\":[") + "\"matched\":[".length();
        String broken = stored.substring(0, at) + "999," + stored.substring(at);
        assertThatThrownBy(() -> TraceWindows.whole(broken, TraceWindows.split(trace).windows()::get))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("fact 999")
                .hasMessageContaining("only 0 were written before it");
    }

    @Test
    void aStoredTraceThatIsNoLongerJsonIsNamedAsDamaged() {
        String stored = TraceWindows.split(trace).stored();
        String broken = stored.substring(0, stored.length() - 2);
        assertThatThrownBy(() -> TraceWindows.whole(broken, TraceWindows.split(trace).windows()::get))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("the stored trace is not JSON")
                .hasMessageContaining("edited or damaged");
    }

    private static List<TracedFact> concat(List<TracedFact> first, List<TracedFact> second) {
        List<TracedFact> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
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
