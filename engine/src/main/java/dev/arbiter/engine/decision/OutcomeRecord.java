package dev.arbiter.engine.decision;

import dev.arbiter.kb.outcome.Cap;
import dev.arbiter.kb.outcome.Flag;
import dev.arbiter.kb.outcome.Halt;
import dev.arbiter.kb.outcome.Reason;
import dev.arbiter.kb.outcome.ReduceOnly;
import dev.arbiter.kb.outcome.Rejection;
import dev.arbiter.kb.outcome.RuleOutcome;
import java.math.BigDecimal;

/**
 * A rule outcome as the trace stores it: one shape for all four kinds.
 *
 * @param proposalId  the proposal the outcome is about (null for a halt)
 * @param target      for a halt or reduce-only: the account, symbol or {@code *} it covers
 * @param maxQuantity for a cap: the size it allows
 */
public record OutcomeRecord(String kind, String proposalId, String scope, String target, BigDecimal maxQuantity,
                            Reason reason) {

    static OutcomeRecord of(RuleOutcome outcome) {
        return switch (outcome) {
            case Rejection r -> new OutcomeRecord(r.kind(), r.proposalId(), null, null, null, r.reason());
            case Cap c -> new OutcomeRecord(c.kind(), c.proposalId(), null, null, c.maxQuantity(), c.reason());
            case Flag f -> new OutcomeRecord(f.kind(), f.proposalId(), null, null, null, f.reason());
            case Halt h -> new OutcomeRecord(h.kind(), null, h.scope().name(), h.target(), null, h.reason());
            case ReduceOnly r -> new OutcomeRecord(r.kind(), null, r.scope().name(), r.target(), null, r.reason());
        };
    }
}
