package dev.arbiter.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.cluster.core.AccountCore;
import dev.arbiter.cluster.core.CoreSetup;
import dev.arbiter.cluster.core.DeskLimits;
import dev.arbiter.cluster.job.DecisionJob;
import dev.arbiter.cluster.job.JobSettings;
import dev.arbiter.cluster.replay.RecordedRun;
import dev.arbiter.cluster.state.AccountSlice;
import dev.arbiter.cluster.state.AccountStore;
import dev.arbiter.engine.decision.ActiveModels;
import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.engine.json.ArbiterJson;
import dev.arbiter.engine.state.AccountEvent;
import dev.arbiter.engine.state.DeskEvent;
import dev.arbiter.engine.state.OfficerAction;
import dev.arbiter.engine.state.StateSettings;
import dev.arbiter.engine.stream.AccountRecord;
import dev.arbiter.engine.stream.StreamInput;
import dev.arbiter.kb.fact.Instrument;
import dev.arbiter.kb.outcome.HaltScope;
import dev.arbiter.mlbridge.indicators.IndicatorFacts;
import dev.arbiter.rules.pack.LimitSet;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Limits that span accounts, with accounts decided on different workers (MiniCluster, parallelism 2): five accounts
 * each ask for about 10,000 of ETH every five minutes, which the rule pack's own limits (25,000 gross, 20,000 at one
 * venue) would allow each of them. The desk's gross limit of 30,000 is leased 7,500 to each of four accounts, and its
 * limit at any one venue, 30,000 too, is leased 6,000 to two of them and 9,000 to the other two: every order is sized
 * within the lower of its account's leases, so neither desk total can pass 30,000 whatever the workers do, and the
 * fifth account, which the desk does not list, gets nothing. Then the desk's kill switch, broadcast to every worker,
 * halts every account.
 */
class DeskLimitsIT {

    private static final List<String> LISTED = List.of("desk-a", "desk-b", "desk-c", "desk-d");
    private static final String UNLISTED = "desk-x";
    /** A client asking for about 10,000 of ETH every five minutes. */
    private static final String BIG = "{name: big, everyBars: 1, notional: 10000}";

    @Test
    void leasesHoldTheDeskTotalAcrossWorkersAndTheKillSwitchReachesEveryAccount() throws Exception {
        List<List<StreamInput>> perAccount = new ArrayList<>();
        List<Instrument> instruments = null;
        for (String account : concat(LISTED, UNLISTED)) {
            RecordedRun tape = ScenarioTape.eth(account, "2023-03-14T01:00:00Z", BIG);
            instruments = tape.instruments();
            // the requests and the bars, and the opening: no venue, so each decision's orders are the account's only
            // exposure until they expire
            perAccount.add(tape.inputs().stream().filter(i -> !(i instanceof StreamInput.Event e)
                    || e.event() instanceof AccountEvent.Opened).toList());
        }
        Map<String, BigDecimal> leases = new LinkedHashMap<>();
        LISTED.forEach(a -> leases.put(a, new BigDecimal("7500")));
        Map<String, BigDecimal> venueLeases = Map.of("desk-a", new BigDecimal("6000"), "desk-b", new BigDecimal("6000"),
                "desk-c", new BigDecimal("9000"), "desk-d", new BigDecimal("9000"));
        DeskLimits desk = new DeskLimits(new DeskLimits.Budget(new BigDecimal("30000"), leases),
                new DeskLimits.Budget(new BigDecimal("30000"), venueLeases));
        String deskJson = ArbiterJson.mapper().writeValueAsString(desk);
        String instrumentsJson = ArbiterJson.mapper().writeValueAsString(instruments);

        double unleased = largestOrderNotional(perAccount.get(0), instruments, null);
        assertThat(unleased).as("alone, an account's orders go past its lease").isGreaterThan(7500);

        List<AccountRecord> records = run(RecordedRun.interleave(perAccount), List.of(),
                new JobSettings(ScenarioTape::shippedScenarioPipeline, instrumentsJson, 60, 4096, deskJson));
        Map<String, List<JsonNode>> decisions = decisionsByAccount(records);
        assertThat(decisions).hasSize(5);
        for (String account : LISTED) {
            BigDecimal venueLease = venueLeases.get(account);
            String leasedLimits = LimitSet.shippedDefault().with("max-gross-exposure", new BigDecimal("7500"))
                    .with("max-venue-exposure", venueLease).version();
            List<JsonNode> made = decisions.get(account);
            assertThat(made).hasSize(12);
            double largest = 0;
            boolean heldAtTheVenue = false;
            for (JsonNode decision : made) {
                assertThat(decision.at("/decision/versions/limits").asString()).isEqualTo(leasedLimits);
                assertThat(decision.at("/trace/proof/verdict").asString()).isEqualTo("PROVED");
                largest = Math.max(largest, notional(decision));
                heldAtTheVenue |= decision.toString().contains("L2-VENUE-EXPOSURE");
            }
            System.out.println("DESK-LIMITS " + account + " gross lease 7500, venue lease " + venueLease
                    + ": largest order " + largest + (heldAtTheVenue ? ", capped by L2-VENUE-EXPOSURE" : ""));
            if (venueLease.compareTo(new BigDecimal("7500")) < 0) {
                assertThat(largest).as("%s's largest order, held by its venue lease", account)
                        .isLessThanOrEqualTo(6000).isGreaterThan(4000);
                assertThat(heldAtTheVenue).as("%s: the venue rule capped an order", account).isTrue();
            } else {
                assertThat(largest).as("%s's largest order, held by its gross lease", account)
                        .isLessThanOrEqualTo(7500).isGreaterThan(6000);
            }
        }
        assertThat(decisions.get(UNLISTED)).allSatisfy(d -> assertThat(d.at("/decision/orders").size()).isZero())
                .hasSize(12);

        DeskEvent kill = new DeskEvent(Instant.parse("2023-03-14T00:00:00Z"), HaltScope.GLOBAL, "*",
                OfficerAction.ENGAGE_KILL_SWITCH, "officer-1", "desk-wide stop");
        Map<String, List<JsonNode>> halted = decisionsByAccount(run(RecordedRun.interleave(perAccount), List.of(kill),
                new JobSettings(ScenarioTape::shippedScenarioPipeline, instrumentsJson, 60, 4096, deskJson)));
        for (String account : concat(LISTED, UNLISTED)) {
            List<JsonNode> made = halted.get(account);
            JsonNode last = made.get(made.size() - 1);
            assertThat(last.at("/decision/status").asString()).as(account).isEqualTo("HALTED");
            assertThat(last.at("/decision/orders").size()).isZero();
            boolean seen = false;
            for (JsonNode decision : made) {
                boolean killed = decision.toString().contains("L7-KILL-SWITCH");
                assertThat(!seen || killed).as("%s: once the kill switch reached it, it stays", account).isTrue();
                seen |= killed;
            }
        }
    }

    private static List<AccountRecord> run(List<StreamInput> inputs, List<DeskEvent> desk, JobSettings settings)
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(DecisionJob.configuration(2));
        List<AccountRecord> records = new ArrayList<>();
        try (var answers = DecisionJob.replay(env, inputs, desk, settings).executeAndCollect("desk limits")) {
            answers.forEachRemaining(records::add);
        }
        return records;
    }

    private static Map<String, List<JsonNode>> decisionsByAccount(List<AccountRecord> records) {
        Map<String, List<JsonNode>> decisions = new LinkedHashMap<>();
        for (AccountRecord record : records) {
            if (record.kind().equals("DECISION")) {
                decisions.computeIfAbsent(record.accountId(), a -> new ArrayList<>())
                        .add(ArbiterJson.mapper().readTree(record.payload()));
            }
        }
        return decisions;
    }

    /** The largest order one account's inputs get from a core of its own, with or without the desk's limits. */
    private static double largestOrderNotional(List<StreamInput> inputs, List<Instrument> instruments, DeskLimits desk) {
        Map<String, Instrument> listed = new LinkedHashMap<>();
        instruments.forEach(i -> listed.put(i.symbol(), i));
        try (DecisionPipeline pipeline = ScenarioTape.shippedScenarioPipeline()) {
            CoreSetup setup = new CoreSetup(pipeline, s -> Optional.ofNullable(listed.get(s)),
                    StateSettings.DEFAULTS.withBarsKept(60), IndicatorFacts.DEFAULT_SET, ActiveModels.namedVersions(),
                    desk);
            AccountCore core = new AccountCore(AccountSlice.empty(inputs.get(0).accountId()), AccountStore.inMemory(),
                    setup);
            double largest = 0;
            for (StreamInput input : inputs) {
                Optional<AccountRecord> record = core.take(input);
                if (record.isPresent() && record.get().kind().equals("DECISION")) {
                    largest = Math.max(largest, notional(ArbiterJson.mapper().readTree(record.get().payload())));
                }
            }
            return largest;
        }
    }

    private static double notional(JsonNode decision) {
        double sum = 0;
        for (JsonNode order : decision.at("/decision/orders")) {
            sum += order.get("notional").asDouble();
        }
        return sum;
    }

    private static List<String> concat(List<String> listed, String more) {
        List<String> all = new ArrayList<>(listed);
        all.add(more);
        return all;
    }
}
