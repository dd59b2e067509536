package dev.arbiter.scenarios.bench;

import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.engine.decision.DecisionRequest;
import dev.arbiter.engine.decision.DecisionResult;
import dev.arbiter.kb.fact.Proposal;
import dev.arbiter.reasoning.analysis.AnalysisReport;
import dev.arbiter.reasoning.analysis.Invariants;
import dev.arbiter.reasoning.analysis.RuleSetAnalyzer;
import dev.arbiter.reasoning.explain.DecisionFacts;
import dev.arbiter.reasoning.explain.PrologExplainer;
import dev.arbiter.rules.pack.LimitSet;
import dev.arbiter.rules.pack.ParameterSet;
import dev.arbiter.rules.pack.RuleSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The reasoning stages' own times, warm, one thread: the Z3 proof per decision (the check time the trace
 * records), the Prolog explanation per decision (every proposal explained, from the stored trace's facts)
 * and the Z3 analysis of the shipped rule set with its invariants.
 *
 * <pre>
 * java -cp "scenarios/target/arbiter-scenarios.jar:scenarios/target/lib/*" \
 *   dev.arbiter.scenarios.bench.ReasoningTimesHarness docs/examples 50 300 20
 * </pre>
 * Arguments: the worked example's directory ({@link WorkedExample}: its decision is the one the engine makes from
 * its own state), warm-up decisions, measured decisions, measured analyses (after two warm-up).
 */
public final class ReasoningTimesHarness {

    private ReasoningTimesHarness() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: ReasoningTimesHarness EXAMPLES_DIR WARMUP DECISIONS ANALYSES");
            System.exit(2);
        }
        WorkedExample example = WorkedExample.in(Path.of(args[0]));
        int warmup = Integer.parseInt(args[1]);
        int decisions = Integer.parseInt(args[2]);
        int analyses = Integer.parseInt(args[3]);

        List<Double> proofMicros = new ArrayList<>();
        List<Double> explainMicros = new ArrayList<>();
        PrologExplainer explainer = new PrologExplainer();
        int proposals = 0;
        try (DecisionPipeline pipeline = DecisionPipeline.withShippedDefaults()) {
            DecisionRequest request = example.decide("example", pipeline).request();
            for (int i = 0; i < warmup + decisions; i++) {
                DecisionResult result = pipeline.decide("bench-" + i, request);
                DecisionFacts facts = result.trace().explanationFacts();
                long start = System.nanoTime();
                for (Proposal proposal : facts.proposals()) {
                    explainer.explain(facts, proposal.proposalId());
                }
                long explained = System.nanoTime() - start;
                proposals = facts.proposals().size();
                if (i >= warmup) {
                    proofMicros.add((double) result.trace().proof().checkMicros());
                    explainMicros.add(explained / 1_000.0);
                }
            }
        }

        RuleSetAnalyzer analyzer = new RuleSetAnalyzer();
        RuleSet rules = RuleSet.shippedDefault();
        List<Double> analysisMillis = new ArrayList<>();
        AnalysisReport last = null;
        for (int i = 0; i < analyses + 2; i++) {
            long start = System.nanoTime();
            last = analyzer.analyze(rules, LimitSet.shippedDefault(), ParameterSet.shippedDefault(), Invariants.shippedDefault());
            if (i >= 2) {
                analysisMillis.add((System.nanoTime() - start) / 1_000_000.0);
            }
        }
        System.out.printf(Locale.ROOT, "proof per decision (us): %s%n", summary(proofMicros));
        System.out.printf(Locale.ROOT, "explanation per decision, %d proposals (us): %s%n",
                proposals, summary(explainMicros));
        System.out.printf(Locale.ROOT, "analysis of the shipped rule set, %d analysed + %d not, %d invariants (ms): %s%n",
                last.analysed().size(), last.notAnalysed().size(), last.invariants().size(), summary(analysisMillis));
    }

    private static String summary(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return String.format(Locale.ROOT, "n=%d median=%.1f p90=%.1f p99=%.1f max=%.1f", sorted.size(),
                at(sorted, 0.5), at(sorted, 0.9), at(sorted, 0.99), sorted.getLast());
    }

    private static double at(List<Double> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
    }
}
