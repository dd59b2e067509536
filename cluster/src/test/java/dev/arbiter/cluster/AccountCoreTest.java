package dev.arbiter.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.cluster.core.AccountCore;
import dev.arbiter.cluster.core.CoreSetup;
import dev.arbiter.cluster.replay.RecordedRun;
import dev.arbiter.cluster.state.AccountSlice;
import dev.arbiter.cluster.state.AccountStore;
import dev.arbiter.cluster.state.JsonSerializer;
import dev.arbiter.engine.decision.ActiveModels;
import dev.arbiter.engine.decision.DecisionPipeline;
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
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/**
 * The job's account core against the single-process engine, without Flink: a real ETH-USD scenario recorded from the
 * scenario runner, fed to an {@link AccountCore} that is thrown away and rebuilt from its slice (through the state
 * serializer, as a checkpoint would keep it) every few inputs. Every decision must come out byte for byte as the
 * runner's engine made it.
 */
class AccountCoreTest {

    @Test
    void aCoreRebuiltFromItsStateDecidesExactlyAsTheSingleProcessEngine() throws Exception {
        RecordedRun tape = ScenarioTape.eth("acct-core", "2023-03-14T04:00:00Z");
        assertThat(tape.decisions()).hasSize(48);
        Map<String, Instrument> listed = new LinkedHashMap<>();
        tape.instruments().forEach(i -> listed.put(i.symbol(), i));
        JsonSerializer<AccountSlice> serializer = new JsonSerializer<>(AccountSlice.class);
        try (DecisionPipeline pipeline = ScenarioTape.shippedScenarioPipeline()) {
            CoreSetup setup = new CoreSetup(pipeline, s -> Optional.ofNullable(listed.get(s)),
                    StateSettings.DEFAULTS.withBarsKept(tape.spec().windowBars()), IndicatorFacts.DEFAULT_SET,
                    ActiveModels.namedVersions());
            AccountStore store = AccountStore.inMemory();
            AccountCore core = new AccountCore(AccountSlice.empty("acct-core"), store, setup);
            List<AccountRecord> records = new ArrayList<>();
            int rebuilt = 0;
            for (int i = 0; i < tape.inputs().size(); i++) {
                StreamInput input = tape.inputs().get(i);
                core.take(input).ifPresent(records::add);
                if (i % 7 == 6) {
                    DataOutputSerializer out = new DataOutputSerializer(4096);
                    serializer.serialize(core.slice(), out);
                    AccountSlice restored = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
                    assertThat(restored).isEqualTo(core.slice());
                    core = new AccountCore(restored, store, setup);
                    rebuilt++;
                }
            }
            assertThat(rebuilt).isEqualTo(tape.inputs().size() / 7);

            List<AccountRecord> decisions = records.stream().filter(r -> r.kind().equals("DECISION")).toList();
            assertThat(decisions).extracting(AccountRecord::subject).containsExactlyElementsOf(tape.decisions().keySet());
            for (AccountRecord decision : decisions) {
                assertThat(decision.payload()).as(decision.subject()).isEqualTo(tape.decisions().get(decision.subject()));
            }
            assertThat(records).noneMatch(r -> r.kind().equals("REFUSED"));
            assertThat(records.stream().filter(r -> r.kind().equals("EVENT")).count())
                    .as("the opening and the venue's fills").isGreaterThan(2);
            AccountRecord.Head head = AccountRecord.Head.START;
            for (AccountRecord record : records) {
                assertThat(record.follows(head)).as("record %d", record.seq()).isTrue();
                head = record.head();
            }
        }
    }
}
