package dev.arbiter.engine.lifecycle;

import java.util.List;

/**
 * How the last stored decisions would have come out with a candidate release.
 *
 * @param replayed how many stored decisions were re-run
 * @param changed  every decision that would have changed, with the rules responsible
 */
public record ImpactReport(int replayed, List<ChangedDecision> changed) {

    public ImpactReport {
        changed = List.copyOf(changed);
    }

    /**
     * One decision that would have come out differently.
     *
     * @param differences     field by field, e.g. {@code status: APPROVED -> REJECTED}
     * @param rulesResponsible reason codes that fired in one run and not the other
     */
    public record ChangedDecision(String decisionId, String statusBefore, String statusAfter,
                                  List<String> differences, List<String> rulesResponsible) {

        public ChangedDecision {
            differences = List.copyOf(differences);
            rulesResponsible = List.copyOf(rulesResponsible);
        }
    }
}
