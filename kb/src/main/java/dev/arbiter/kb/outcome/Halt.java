package dev.arbiter.kb.outcome;

import static dev.arbiter.kb.Require.identifier;
import static dev.arbiter.kb.Require.present;

import dev.arbiter.kb.InvalidFactException;
import dev.arbiter.kb.fact.Proposal;

/**
 * New orders stop for the scope: an account, an instrument, or everything. No proposal in the scope
 * is sent while the halt holds.
 *
 * @param target the account id or symbol halted; {@code *} for a global halt
 */
public record Halt(HaltScope scope, String target, Reason reason) implements RuleOutcome {

    public Halt {
        present("Halt", "scope", scope);
        present("Halt", "target", target);
        if (scope == HaltScope.GLOBAL && !"*".equals(target)) {
            throw new InvalidFactException("Halt", "target", target, "'*' for a GLOBAL halt");
        }
        if (scope != HaltScope.GLOBAL) {
            identifier("Halt", "target", target);
        }
        present("Halt", "reason", reason);
    }

    /**
     * Whether the halt stops {@code proposal}: a global halt stops every proposal, an account halt those of
     * its account, an instrument halt those in its instrument.
     */
    public boolean covers(Proposal proposal) {
        return switch (scope) {
            case GLOBAL -> true;
            case ACCOUNT -> target.equals(proposal.accountId());
            case INSTRUMENT -> target.equals(proposal.symbol());
        };
    }

    /** {@code null}: a halt covers its scope, not one proposal. */
    @Override
    public String proposalId() {
        return null;
    }

    @Override
    public String kind() {
        return "HALT";
    }
}
