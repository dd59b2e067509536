package dev.arbiter.engine.decision;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.arbiter.kb.fact.Exposure;
import dev.arbiter.kb.fact.FeedStatus;
import dev.arbiter.kb.fact.IndicatorValue;
import dev.arbiter.kb.fact.Proposal;
import dev.arbiter.kb.outcome.Cap;
import dev.arbiter.kb.outcome.Flag;
import dev.arbiter.kb.outcome.Halt;
import dev.arbiter.kb.outcome.HaltScope;
import dev.arbiter.kb.outcome.ReduceOnly;
import dev.arbiter.kb.outcome.Rejection;
import dev.arbiter.kb.outcome.RuleOutcome;
import dev.arbiter.mlbridge.model.ModelPrediction;
import dev.arbiter.reasoning.explain.DecisionFacts;
import dev.arbiter.reasoning.explain.Explanation;
import dev.arbiter.reasoning.explain.FiredRule;
import dev.arbiter.reasoning.explain.ModelLean;
import dev.arbiter.reasoning.explain.SizedOrder;
import dev.arbiter.reasoning.proof.ProofResult;
import dev.arbiter.rules.session.Firing;
import dev.arbiter.rules.session.SessionFault;
import dev.arbiter.rules.session.TracedFact;
import dev.arbiter.solver.Allocation;
import dev.arbiter.solver.AllocationProblem;
import java.util.List;

/**
 * Everything behind a decision, in the order it was worked out: the request as received, the facts
 * derived from it, every rule firing with the facts it matched, the outcomes, the sizing problem and
 * its answer, the proof, and the explanations. An auditor reads it; a replay re-runs it.
 *
 * @param sessionFault why the rule session failed (every proposal then carries an ENGINE_FAULT
 *                     rejection), or {@code null}
 * @param proposals    every proposal the rules considered (client intents and strategy proposals), so that
 *                     a stored decision can be explained and queried again ({@link #explanationFacts()})
 * @param explanations per proposal, its status and the sentences that explain it; null, and left out of the JSON,
 *                     while the decision is acknowledged but not yet explained (the service stores the explanation
 *                     apart, after the acknowledgement, and reads return the trace with it)
 * @param modelPredictions what the registered models the request named predicted (model, version, horizon,
 *                     expected return, training-data hash); empty when it named none, and in traces stored before
 *                     models ran inside decisions
 */
public record DecisionTrace(String decisionId, Versions versions, DecisionRequest request,
                            List<IndicatorValue> indicators, List<FeedStatus> feeds, List<Exposure> exposures,
                            List<Firing> firings, SessionFault sessionFault, List<OutcomeRecord> outcomes,
                            AllocationProblem allocationProblem,
                            Allocation allocation, ProofResult proof,
                            @JsonInclude(JsonInclude.Include.NON_NULL) List<Explanation> explanations,
                            List<Proposal> proposals, List<ModelPrediction> modelPredictions) {

    /** How many of a model's features an explanation cites: the ones that moved it most. */
    static final int LEANS_EXPLAINED = 3;

    public DecisionTrace {
        modelPredictions = modelPredictions == null ? List.of() : List.copyOf(modelPredictions);
        explanations = explanations == null ? null : List.copyOf(explanations);
    }

    /** This trace with its explanations. */
    public DecisionTrace withExplanations(List<Explanation> worked) {
        return new DecisionTrace(decisionId, versions, request, indicators, feeds, exposures, firings, sessionFault,
                outcomes, allocationProblem, allocation, proof, List.copyOf(worked), proposals, modelPredictions);
    }

    /**
     * The facts the Prolog explainer reads, rebuilt from this trace alone: what an auditor's query about a
     * stored decision runs against ({@code PrologExplainer.query(trace.explanationFacts(), goal, limits)}).
     * Explaining them gives the explanations this trace holds.
     */
    public DecisionFacts explanationFacts() {
        return new DecisionFacts(proposals == null ? List.of() : proposals,
                firings.stream().map(f -> new FiredRule(f.rule(), f.layer(), f.reasonCode(),
                        f.matched().stream().map(TracedFact::describe).toList())).toList(),
                outcomes.stream().map(DecisionTrace::outcome).toList(),
                allocation.orders().stream().map(o -> new SizedOrder(o.proposalId(), o.quantity(), o.boundBy())).toList(),
                proof.verdict(), proof.violations(), modelLeans());
    }

    /** The three features that moved each attributed model most: what explanations cite. */
    private List<ModelLean> modelLeans() {
        return modelPredictions.stream().filter(p -> p.attribution() != null)
                .map(p -> new ModelLean(p.model(), p.modelVersion(), p.probabilityUp(), p.attribution().output(),
                        p.attribution().baseValue(), p.attribution().largest(LEANS_EXPLAINED).stream()
                        .map(c -> new ModelLean.Contribution(c.feature(), c.contribution())).toList()))
                .toList();
    }

    private static RuleOutcome outcome(OutcomeRecord o) {
        return switch (o.kind()) {
            case "REJECT" -> new Rejection(o.proposalId(), o.reason());
            case "CAP" -> new Cap(o.proposalId(), o.maxQuantity(), o.reason());
            case "FLAG" -> new Flag(o.proposalId(), o.reason());
            case "HALT" -> new Halt(HaltScope.valueOf(o.scope()), o.target(), o.reason());
            case "REDUCE_ONLY" -> new ReduceOnly(HaltScope.valueOf(o.scope()), o.target(), o.reason());
            default -> throw new IllegalStateException("trace outcome kind '" + o.kind()
                    + "' is not one of REJECT, CAP, FLAG, HALT, REDUCE_ONLY");
        };
    }
}
