package dev.arbiter.engine.service.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.engine.decision.DecisionTrace;
import dev.arbiter.engine.decision.ExampleRequests;
import dev.arbiter.engine.decision.MarketSeries;
import dev.arbiter.engine.json.CanonicalJson;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A trace stored with its bars named reads back as the trace written whole, byte for byte. */
class BarWindowsTest {

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
    void theStoredTraceNamesEachSeriesBarsAndReadsBackWholeByteForByte() {
        String whole = CanonicalJson.write(trace);
        BarWindows.Split split = BarWindows.split(trace);

        int seriesWithBars = (int) trace.request().marketData().stream().filter(m -> !m.bars().isEmpty()).count();
        assertThat(seriesWithBars).isPositive();
        assertThat(BarWindows.names(split.stored())).hasSize(seriesWithBars);
        assertThat(split.windows()).hasSize(seriesWithBars);
        for (MarketSeries series : trace.request().marketData()) {
            String bars = CanonicalJson.write(series.bars());
            assertThat(split.windows()).containsEntry(CanonicalJson.sha256(bars), bars);
            assertThat(split.stored()).doesNotContain(bars);
        }
        assertThat(split.stored().length()).isLessThan(whole.length() - 10_000);

        assertThat(split.whole()).isEqualTo(whole);
        assertThat(BarWindows.whole(split.stored(), split.windows()::get)).isEqualTo(whole);
        assertThat(CanonicalJson.mapper().readValue(split.whole(), DecisionTrace.class).request().marketData())
                .isEqualTo(trace.request().marketData());
    }

    @Test
    void aTraceStoredWholeReadsBackAsItIs() {
        String whole = CanonicalJson.write(trace);
        assertThat(BarWindows.whole(whole, name -> {
            throw new AssertionError("no window to look up");
        })).isEqualTo(whole);
    }

    @Test
    void aMissingWindowIsNamedNotGuessed() {
        BarWindows.Split split = BarWindows.split(trace);
        String name = split.windows().keySet().iterator().next();
        assertThatThrownBy(() -> BarWindows.whole(split.stored(), Map.<String, String>of()::get))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(name).hasMessageContaining("missing");
    }
}
