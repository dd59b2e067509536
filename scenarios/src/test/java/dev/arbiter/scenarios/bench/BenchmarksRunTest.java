package dev.arbiter.scenarios.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.engine.decision.DecisionTrace;
import dev.arbiter.kb.fact.Proposal;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks that time a stage on a warm engine start from the worked example as the engine decides it from its
 * own state; each of them runs here on a few decisions, so a change of the request or the state model cannot leave
 * them broken until the next measurement.
 */
class BenchmarksRunTest {

    private static final Path EXAMPLES = Path.of("..", "docs", "examples");

    @BeforeAll
    static void pointTheBenchmarksAtTheExample() {
        System.setProperty("arbiter.examples", EXAMPLES.toString());
    }

    @AfterAll
    static void forget() {
        System.clearProperty("arbiter.examples");
    }

    @Test
    void theWorkedExampleIsDecidedFromTheEnginesOwnState() {
        try (DecisionPipeline pipeline = DecisionPipeline.withShippedDefaults()) {
            DecisionTrace trace = WorkedExample.in(EXAMPLES).decide("dec-example", pipeline);

            assertThat(trace.request().account().accountId()).isEqualTo("acct-1");
            assertThat(trace.request().intents()).hasSize(2);
            assertThat(trace.request().marketData()).isNotEmpty();
            assertThat(trace.request().marketData().getFirst().bars()).hasSizeGreaterThan(50);
            // the fill of docs/examples/fills.json is in the book the engine decided from
            assertThat(trace.request().positions()).isNotEmpty();
            assertThat(trace.explanationFacts().proposals()).extracting(Proposal::proposalId).isNotEmpty();
        }
    }

    @Test
    void theDecisionAndReasoningHarnessesRunOnTheExample() throws Exception {
        String latency = printed(() -> DecisionLatencyHarness.main(new String[] {EXAMPLES.toString(), "1", "3"}));
        assertThat(latency).contains("decisions=3 status=").contains("latency_ms p50=");

        String reasoning = printed(() -> ReasoningTimesHarness.main(new String[] {EXAMPLES.toString(), "1", "2", "1"}));
        assertThat(reasoning).contains("proof per decision (us): n=2")
                .contains("explanation per decision, 3 proposals (us): n=2");

        // a new account per run, then every run on one account: the first check approved, the others rejected
        String each = printed(() -> GateLatencyHarness.main(new String[] {"check", "1", "3", EXAMPLES.toString(), "each"}));
        assertThat(each).contains("check runs=3 warmup=1 accounts=each outcomes={APPROVED 1 orders=4}");
        String one = printed(() -> GateLatencyHarness.main(new String[] {"decision", "1", "3", EXAMPLES.toString(), "one"}));
        assertThat(one).contains("decision runs=3 warmup=1 accounts=one outcomes={APPROVED 2 orders=1, REJECTED 0 orders=3}");
    }

    @Test
    void theJmhStatesSetUpOnTheExample() throws Exception {
        PrologEngineBenchmark prolog = new PrologEngineBenchmark();
        prolog.setUp(); // checks that the engines answer the example's lookups alike
        assertThat(prolog.shippedExplainerWholeDecision()).isPositive();

        TraceStorageBenchmark storage = new TraceStorageBenchmark();
        storage.decideTheExampleCheck(); // checks that the stored form reads back as the trace written whole
        // the example's one series of bars, its market views and the indicator values the rules saw
        assertThat(storage.namedBars().windows()).hasSize(3);
    }

    private interface Run {
        void run() throws Exception;
    }

    private static String printed(Run run) throws Exception {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            run.run();
        } finally {
            System.setOut(out);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
