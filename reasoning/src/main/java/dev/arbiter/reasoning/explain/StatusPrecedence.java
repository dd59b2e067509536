package dev.arbiter.reasoning.explain;

import dev.arbiter.kb.fact.Proposal;
import dev.arbiter.kb.outcome.Halt;
import dev.arbiter.kb.outcome.Rejection;
import dev.arbiter.kb.outcome.RuleOutcome;
import dev.arbiter.reasoning.proof.ProofVerdict;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Decides a proposal's status, once, from the rule outcomes, the sizes the allocation gave and the proof's
 * verdict. The first that applies decides:
 * <ol>
 *   <li>a proof that found a broken limit or did not finish blocks every proposal ({@code BLOCKED_BY_PROOF});</li>
 *   <li>a halt that covers the proposal halts it ({@code HALTED});</li>
 *   <li>a rejection rejects it ({@code REJECTED});</li>
 *   <li>no size, or a size of 0, leaves it {@code NOT_ALLOCATED};</li>
 *   <li>a size below the quantity asked for caps it ({@code CAPPED});</li>
 *   <li>otherwise it is {@code APPROVED}.</li>
 * </ol>
 * The explanation theory receives the status as a fact and only words why; it never decides it.
 */
public final class StatusPrecedence {

    private StatusPrecedence() {
    }

    /** The status of {@code proposal} in the decision {@code facts} describe. */
    public static ProposalStatus of(Proposal proposal, DecisionFacts facts) {
        return of(proposal, facts.outcomes(), facts.allocation(), facts.proofVerdict());
    }

    public static ProposalStatus of(Proposal proposal, List<RuleOutcome> outcomes, List<SizedOrder> allocation,
                                    ProofVerdict proof) {
        if (proof != ProofVerdict.PROVED) {
            return ProposalStatus.BLOCKED_BY_PROOF;
        }
        if (!haltsCovering(proposal, outcomes).isEmpty()) {
            return ProposalStatus.HALTED;
        }
        if (outcomes.stream().anyMatch(o -> o instanceof Rejection r && r.proposalId().equals(proposal.proposalId()))) {
            return ProposalStatus.REJECTED;
        }
        Optional<BigDecimal> size = allocation.stream().filter(o -> o.proposalId().equals(proposal.proposalId()))
                .map(SizedOrder::quantity).findFirst();
        if (size.isEmpty() || size.get().signum() == 0) {
            return ProposalStatus.NOT_ALLOCATED;
        }
        return size.get().compareTo(proposal.quantity()) < 0 ? ProposalStatus.CAPPED : ProposalStatus.APPROVED;
    }

    /** The halts among {@code outcomes} that stop {@code proposal}, in the order the rules inserted them. */
    public static List<Halt> haltsCovering(Proposal proposal, List<RuleOutcome> outcomes) {
        return outcomes.stream().filter(o -> o instanceof Halt h && h.covers(proposal)).map(Halt.class::cast).toList();
    }
}
