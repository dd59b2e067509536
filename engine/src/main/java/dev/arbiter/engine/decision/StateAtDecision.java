package dev.arbiter.engine.decision;

import dev.arbiter.kb.fact.ReconciliationBreak;
import java.util.List;

/**
 * Which state of the account a decision was made from: the position of the account's journal and the state's hash
 * there (folding the journal to that position gives the same hash), and what the client claimed that did not
 * reconcile with it.
 */
public record StateAtDecision(long journalPosition, String stateHash, List<ReconciliationBreak> breaks) {

    public StateAtDecision {
        breaks = breaks == null ? List.of() : List.copyOf(breaks);
    }
}
