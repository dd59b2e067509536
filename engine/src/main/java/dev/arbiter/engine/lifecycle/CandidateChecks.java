package dev.arbiter.engine.lifecycle;

import dev.arbiter.rules.pack.RuleDiagnostic;
import java.util.List;

/**
 * What the checks found for a candidate.
 *
 * @param diagnostics vetting and compilation problems, each with file, line, rule and hint; empty when clean
 * @param analysis    findings of the rule-set analysis, one sentence each, and whether any blocks approval
 * @param tests       the rule tests' report as a risk officer reads it; empty when the candidate did not compile
 * @param testsPassed true when every case passed and every rule has a case
 */
public record CandidateChecks(List<RuleDiagnostic> diagnostics, List<String> analysis, boolean analysisBlocks,
                              String tests, boolean testsPassed) {

    public CandidateChecks {
        diagnostics = List.copyOf(diagnostics);
        analysis = List.copyOf(analysis);
        tests = tests == null ? "" : tests;
    }

    /** True when nothing stands in the way of approval. */
    public boolean passed() {
        return diagnostics.isEmpty() && !analysisBlocks && testsPassed;
    }
}
