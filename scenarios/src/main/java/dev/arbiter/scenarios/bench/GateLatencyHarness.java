package dev.arbiter.scenarios.bench;

import dev.arbiter.engine.decision.ClientRequest;
import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.engine.decision.DecisionResult;
import dev.arbiter.engine.decision.ExplanationTiming;
import dev.arbiter.engine.state.EngineDecisions;
import dev.arbiter.mlbridge.model.ModelRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A pre-trade check or a full decision through the engine's own state, in process, on one thread: the example
 * account (opening balance, 120 real ETH-USD bars, one fill) and the example request, each run on an account of
 * its own (so every run sees the same book and builds its rule session), or with {@code one}, every run on the same
 * account, as a trading system sends its orders (its book moves with what is approved, and its rule session is
 * kept), with latency percentiles per pipeline stage and in total. Decided as the
 * service decides: the total is what comes before the acknowledgement; the explanation, worded after it, is timed
 * apart ({@code explanation}).
 *
 * <pre>java ... dev.arbiter.scenarios.bench.GateLatencyHarness check|decision [warmup=300] [runs=2000] [examples=docs/examples] [each|one]</pre>
 */
public final class GateLatencyHarness {

    private GateLatencyHarness() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || !List.of("check", "decision").contains(args[0])) {
            System.err.println("usage: GateLatencyHarness check|decision [warmup=300] [runs=2000] [examples=docs/examples]"
                    + " [each|one]");
            System.exit(2);
        }
        boolean check = args[0].equals("check");
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        Path examples = Path.of(args.length > 3 ? args[3] : "docs/examples");
        if (args.length > 4 && !List.of("each", "one").contains(args[4])) {
            System.err.println("accounts: '" + args[4] + "' is not accepted; expected each (a new account per run) or"
                    + " one (every run on one account)");
            System.exit(2);
        }
        boolean oneAccount = args.length > 4 && args[4].equals("one");

        WorkedExample example = WorkedExample.in(examples);
        String exampleRequestId = example.request().requestId();
        int total = warmup + runs;
        List<ClientRequest> requests = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            String id = oneAccount ? "bench" : "bench-" + i;
            if (!oneAccount || i == 0) {
                example.open(id);
            }
            requests.add(example.request(id, exampleRequestId + "-" + i));
        }

        EngineDecisions engine = new EngineDecisions(example.core());
        try (DecisionPipeline decisions = DecisionPipeline.withShippedDefaults(new ModelRegistry(Path.of("var", "models")));
             DecisionPipeline checks = DecisionPipeline.preTradeChecks(decisions.active(), new ModelRegistry(Path.of("var", "models")))) {
            DecisionPipeline pipeline = check ? checks : decisions;
            String expected = null;
            Map<String, Integer> outcomes = new TreeMap<>();
            Map<String, long[]> stages = new LinkedHashMap<>();
            long[] totals = new long[runs];
            for (int i = 0; i < total; i++) {
                long start = System.nanoTime();
                DecisionResult result = engine.decide("dec-" + i, requests.get(i), pipeline,
                        ExplanationTiming.AFTER_ACKNOWLEDGEMENT);
                long took = System.nanoTime() - start;
                long explaining = System.nanoTime();
                pipeline.explain(result.trace());
                Duration explained = Duration.ofNanos(System.nanoTime() - explaining);
                String status = result.decision().status() + " " + result.decision().orders().size() + " orders";
                outcomes.merge(status, 1, Integer::sum);
                if (expected == null) {
                    expected = status;
                } else if (!expected.equals(status) && !oneAccount) {
                    throw new IllegalStateException("run " + i + " decided " + status + ", not " + expected);
                }
                if (i >= warmup) {
                    int k = i - warmup;
                    totals[k] = took;
                    for (Map.Entry<String, Duration> stage : result.stages().withExplanation(explained).byStage().entrySet()) {
                        String name = stage.getKey().equals("explanation") ? "explanation (after the acknowledgement)"
                                : stage.getKey();
                        stages.computeIfAbsent(name, s -> new long[runs])[k] = stage.getValue().toNanos();
                    }
                }
            }
            System.out.printf(Locale.ROOT, "%s runs=%d warmup=%d accounts=%s outcomes=%s%n", args[0], runs, warmup,
                    oneAccount ? "one" : "each", outcomes);
            Map<String, long[]> all = new TreeMap<>(stages);
            all.forEach((stage, nanos) -> print(stage, nanos));
            print("total to the acknowledgement (engine, incl. state and journal)", totals);
        }
    }

    private static void print(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-64s p50=%9.1f us  p99=%9.1f us  max=%9.1f us%n", what,
                at(sorted, 0.50), at(sorted, 0.99), sorted[sorted.length - 1] / 1e3);
    }

    private static double at(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] / 1e3;
    }
}
