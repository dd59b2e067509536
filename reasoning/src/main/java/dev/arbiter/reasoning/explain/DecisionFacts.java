package dev.arbiter.reasoning.explain;

import static dev.arbiter.kb.Require.present;

import dev.arbiter.kb.InvalidFactException;
import dev.arbiter.kb.fact.Proposal;
import dev.arbiter.kb.outcome.Halt;
import dev.arbiter.kb.outcome.RuleOutcome;
import dev.arbiter.reasoning.proof.LimitViolation;
import dev.arbiter.reasoning.proof.ProofVerdict;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything one decision concluded, as the explainer needs it.
 *
 * @param proposals       every proposal the decision considered
 * @param firings         the rules that fired
 * @param outcomes        the rejections, caps, flags and halts the rules inserted
 * @param allocation      the size each proposal was given; a proposal with no entry was given none
 * @param proofVerdict    the limit proof's verdict for the allocated orders
 * @param proofViolations the limits the proof found broken
 * @param modelLeans      which way each model the engine ran leaned, and why (none for predictions sent by a client)
 */
public record DecisionFacts(List<Proposal> proposals, List<FiredRule> firings, List<RuleOutcome> outcomes,
                            List<SizedOrder> allocation, ProofVerdict proofVerdict,
                            List<LimitViolation> proofViolations, List<ModelLean> modelLeans) {

    public DecisionFacts {
        proposals = List.copyOf(present("DecisionFacts", "proposals", proposals));
        Set<String> proposalIds = new HashSet<>();
        for (Proposal proposal : proposals) {
            if (!proposalIds.add(proposal.proposalId())) {
                throw new InvalidFactException("DecisionFacts", "proposals", proposal.proposalId(),
                        "each proposalId once (it names the proposal in every explanation)");
            }
        }
        firings = List.copyOf(present("DecisionFacts", "firings", firings));
        outcomes = List.copyOf(present("DecisionFacts", "outcomes", outcomes));
        allocation = List.copyOf(present("DecisionFacts", "allocation", allocation));
        present("DecisionFacts", "proofVerdict", proofVerdict);
        proofViolations = List.copyOf(present("DecisionFacts", "proofViolations", proofViolations));
        modelLeans = List.copyOf(present("DecisionFacts", "modelLeans", modelLeans));
    }

    /** A decision no model the engine ran took part in. */
    public DecisionFacts(List<Proposal> proposals, List<FiredRule> firings, List<RuleOutcome> outcomes,
                         List<SizedOrder> allocation, ProofVerdict proofVerdict, List<LimitViolation> proofViolations) {
        this(proposals, firings, outcomes, allocation, proofVerdict, proofViolations, List.of());
    }

    /**
     * The status of proposal {@code proposalId}, as {@link StatusPrecedence} decides it.
     *
     * @throws IllegalArgumentException if the decision has no proposal with that id
     */
    public ProposalStatus status(String proposalId) {
        return StatusPrecedence.of(proposal(proposalId), this);
    }

    /** The halts that stop proposal {@code proposalId}, which its explanation cites when it is halted. */
    public List<Halt> haltsCovering(String proposalId) {
        return StatusPrecedence.haltsCovering(proposal(proposalId), outcomes);
    }

    private Proposal proposal(String proposalId) {
        return proposals.stream().filter(p -> p.proposalId().equals(proposalId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("proposalId: '" + proposalId
                        + "' is not a proposal of this decision; expected one of "
                        + proposals.stream().map(Proposal::proposalId).toList()));
    }
}
