package dev.arbiter.engine.lifecycle;

import dev.arbiter.engine.decision.RuleRelease;
import java.util.List;

/** The static analysis of a compiled candidate: dead and shadowed rules, contradictory limits, invariants. */
@FunctionalInterface
public interface ReleaseAnalysis {

    /**
     * @param findings one sentence per finding, in the order a risk officer should read them
     * @param blocks   true when a finding must stop approval (a dead rule, contradictory limits, a broken invariant)
     */
    record Outcome(List<String> findings, boolean blocks) {

        public Outcome {
            findings = List.copyOf(findings);
        }
    }

    /** No analysis: every candidate passes this step. */
    ReleaseAnalysis NONE = (release, files) -> new Outcome(List.of(), false);

    Outcome analyse(RuleRelease release, java.util.Map<String, String> packFiles);
}
