package dev.arbiter.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.cluster.core.AccountCore;
import dev.arbiter.cluster.core.CoreSetup;
import dev.arbiter.cluster.replay.RecordedRun;
import dev.arbiter.cluster.state.AccountSlice;
import dev.arbiter.cluster.state.AccountStore;
import dev.arbiter.engine.decision.ActiveModels;
import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.engine.json.ArbiterJson;
import dev.arbiter.engine.state.AccountEvent;
import dev.arbiter.engine.state.StateSettings;
import dev.arbiter.engine.stream.AccountRecord;
import dev.arbiter.engine.stream.StreamInput;
import dev.arbiter.kb.fact.Bar;
import dev.arbiter.kb.fact.Instrument;
import dev.arbiter.mlbridge.indicators.IndicatorFacts;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Bad inputs on an account's stream are answered, not lost and not fatal: each gets a REFUSED record naming the
 * field, the value and what is accepted, in the account's chain; the account's state does not move; the inputs
 * after it are decided as if it had not come. A repeated fill is recognised by its key and not booked twice.
 */
class RefusedInputsTest {

    @Test
    void badInputsAreRefusedInTheChainAndChangeNothing() {
        RecordedRun tape = ScenarioTape.eth("refusals", "2023-03-14T00:30:00Z");
        Map<String, Instrument> listed = new LinkedHashMap<>();
        tape.instruments().forEach(i -> listed.put(i.symbol(), i));
        try (DecisionPipeline pipeline = ScenarioTape.shippedScenarioPipeline()) {
            CoreSetup setup = new CoreSetup(pipeline, s -> Optional.ofNullable(listed.get(s)),
                    StateSettings.DEFAULTS.withBarsKept(60), IndicatorFacts.DEFAULT_SET, ActiveModels.namedVersions());
            AccountCore core = new AccountCore(AccountSlice.empty("refusals"), AccountStore.inMemory(), setup);

            AccountRecord early = core.take(new StreamInput.Event("refusals", "t-1",
                    new AccountEvent.Transferred("refusals", Instant.parse("2023-03-13T00:00:00Z"), "t-1",
                            new BigDecimal("500")))).orElseThrow();
            assertRefused(early, "accountId", "opening");

            int bars = 0;
            Bar last = null;
            for (StreamInput input : tape.inputs()) {
                core.take(input).ifPresent(r -> assertThat(r.kind()).isNotEqualTo("REFUSED"));
                if (input instanceof StreamInput.MarketBar b) {
                    last = b.bar();
                    bars++;
                }
            }
            assertThat(bars).isGreaterThan(60);
            AccountSlice before = core.slice();

            assertRefused(core.take(new StreamInput.Decide("refusals", "bad-json", "{\"requestId\": ")).orElseThrow(),
                    "(body)", "JSON");
            String someoneElse = tape.inputs().stream().filter(i -> i instanceof StreamInput.Decide).findFirst()
                    .map(i -> ((StreamInput.Decide) i).request().replace("\"refusals\"", "\"another-desk\""))
                    .orElseThrow();
            assertRefused(core.take(new StreamInput.Decide("refusals", "not-mine", someoneElse)).orElseThrow(),
                    "account.accountId", "'refusals'");
            Bar older = new Bar(last.symbol(), last.openTime().minus(last.period().multipliedBy(30)), last.period(),
                    last.open(), last.high(), last.low(), last.close(), last.volume().add(BigDecimal.ONE));
            assertRefused(core.take(new StreamInput.MarketBar("refusals", older)).orElseThrow(), "openTime", "time order");
            assertThat(core.slice().state()).as("nothing refused moved the account").isEqualTo(before.state());

            AccountEvent.Transferred deposit = new AccountEvent.Transferred("refusals", last.endTime(), "t-2",
                    new BigDecimal("500"));
            JsonNode first = ArbiterJson.mapper().readTree(core.take(new StreamInput.Event("refusals", "t-2", deposit))
                    .orElseThrow().payload());
            JsonNode again = ArbiterJson.mapper().readTree(core.take(new StreamInput.Event("refusals", "t-2", deposit))
                    .orElseThrow().payload());
            assertThat(first.get("duplicate").asBoolean()).isFalse();
            assertThat(again.get("duplicate").asBoolean()).isTrue();
            assertThat(again.get("stateHash")).isEqualTo(first.get("stateHash"));
            assertThat(core.slice().state().cash()).isEqualByComparingTo(before.state().cash().add(new BigDecimal("500")));
        }
    }

    private static void assertRefused(AccountRecord record, String field, String accepted) {
        assertThat(record.kind()).isEqualTo("REFUSED");
        JsonNode payload = ArbiterJson.mapper().readTree(record.payload());
        assertThat(payload.get("field").asString()).contains(field);
        assertThat(payload.get("accepted").asString()).contains(accepted);
        assertThat(record.payload()).doesNotContain("Exception").doesNotContain("jackson");
    }
}
