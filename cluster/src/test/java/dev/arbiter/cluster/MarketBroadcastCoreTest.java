package dev.arbiter.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.cluster.core.AccountCore;
import dev.arbiter.cluster.core.CoreSetup;
import dev.arbiter.cluster.replay.RecordedRun;
import dev.arbiter.cluster.state.AccountSlice;
import dev.arbiter.cluster.state.AccountStore;
import dev.arbiter.engine.decision.ActiveModels;
import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.engine.state.BarEvent;
import dev.arbiter.engine.state.MarketEvent;
import dev.arbiter.engine.state.StateSettings;
import dev.arbiter.engine.stream.AccountRecord;
import dev.arbiter.engine.stream.StreamInput;
import dev.arbiter.kb.fact.Instrument;
import dev.arbiter.mlbridge.indicators.IndicatorFacts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Market data broadcast to every worker, without Flink: an account's core given all of a run's bars at once, and its
 * requests and fills without them, takes each bar before its first input after the bar's end, and decides as the
 * single-process engine did when it was given the bars in time order.
 */
class MarketBroadcastCoreTest {

    @Test
    void barsKnownAheadAreTakenAsOfEachInput() {
        RecordedRun tape = ScenarioTape.eth("broadcast", "2023-03-14T01:30:00Z");
        List<MarketEvent> bars = tape.inputs().stream().filter(i -> i instanceof StreamInput.MarketBar)
                .map(i -> (MarketEvent) new BarEvent(((StreamInput.MarketBar) i).bar())).toList();
        Map<String, Instrument> listed = new LinkedHashMap<>();
        tape.instruments().forEach(i -> listed.put(i.symbol(), i));
        try (DecisionPipeline pipeline = ScenarioTape.shippedScenarioPipeline()) {
            CoreSetup setup = new CoreSetup(pipeline, s -> Optional.ofNullable(listed.get(s)),
                    StateSettings.DEFAULTS.withBarsKept(60), IndicatorFacts.DEFAULT_SET, ActiveModels.namedVersions());
            AccountCore core = new AccountCore(AccountSlice.empty("broadcast"), AccountStore.inMemory(), setup);
            List<AccountRecord> records = new ArrayList<>();
            for (StreamInput input : tape.inputs()) {
                if (input instanceof StreamInput.MarketBar) {
                    continue;
                }
                core.catchUp(List.of(), bars);
                core.take(input).ifPresent(records::add);
            }
            Chains.assertEachAccountAsRecorded(records, List.of(tape));
            assertThat(core.slice().marketBroadcasts()).isEqualTo(bars.size());
        }
    }
}
