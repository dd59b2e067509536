package dev.arbiter.kb.outcome;

import static dev.arbiter.kb.Require.identifier;
import static dev.arbiter.kb.Require.present;

import dev.arbiter.kb.InvalidFactException;

/**
 * Only orders that shrink a position may go out in the scope (an account, an instrument, or
 * everything); every order that would open or grow one is refused. Softer than a halt: risk can still
 * be taken off.
 *
 * @param target the account id or symbol; {@code *} for GLOBAL
 */
public record ReduceOnly(HaltScope scope, String target, Reason reason) implements RuleOutcome {

    public ReduceOnly {
        present("ReduceOnly", "scope", scope);
        present("ReduceOnly", "target", target);
        if (scope == HaltScope.GLOBAL && !"*".equals(target)) {
            throw new InvalidFactException("ReduceOnly", "target", target, "'*' for a GLOBAL scope");
        }
        if (scope != HaltScope.GLOBAL) {
            identifier("ReduceOnly", "target", target);
        }
        present("ReduceOnly", "reason", reason);
    }

    /** {@code null}: a reduce-only covers its scope, not one proposal. */
    @Override
    public String proposalId() {
        return null;
    }

    @Override
    public String kind() {
        return "REDUCE_ONLY";
    }
}
