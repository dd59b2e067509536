package dev.arbiter.engine.lifecycle;

import dev.arbiter.engine.decision.RuleRelease;
import dev.arbiter.reasoning.analysis.AnalysisReport;
import dev.arbiter.reasoning.analysis.Invariants;
import dev.arbiter.reasoning.analysis.RuleSetAnalyzer;
import java.util.List;
import java.util.Map;

/**
 * The candidate's rule-set analysis with Z3: dead and shadowed rules, contradictory limits, and the pack's
 * {@code invariants.yaml} proved or refuted with a counterexample. Dead rules, contradictions and unproved
 * invariants block approval; shadowed rules are warnings. A malformed invariants file blocks too, naming why.
 */
public final class Z3ReleaseAnalysis implements ReleaseAnalysis {

    private final RuleSetAnalyzer analyzer = new RuleSetAnalyzer();

    @Override
    public Outcome analyse(RuleRelease release, Map<String, String> packFiles) {
        Invariants invariants;
        try {
            String file = packFiles.get(Invariants.FILE);
            invariants = file == null ? Invariants.none() : Invariants.parse(Invariants.FILE, file);
        } catch (IllegalArgumentException e) {
            return new Outcome(List.of("error: " + e.getMessage()), true);
        }
        AnalysisReport report = analyzer.analyze(release.rules().ruleSet(), release.limits(), release.parameters(),
                invariants);
        return new Outcome(report.lines(), !report.passes());
    }
}
