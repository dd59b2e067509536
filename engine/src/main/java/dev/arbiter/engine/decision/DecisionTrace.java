package dev.arbiter.engine.decision;

import dev.arbiter.kb.fact.Exposure;
import dev.arbiter.kb.fact.FeedStatus;
import dev.arbiter.kb.fact.IndicatorValue;
import dev.arbiter.reasoning.explain.Explanation;
import dev.arbiter.reasoning.proof.ProofResult;
import dev.arbiter.rules.session.Firing;
import dev.arbiter.solver.Allocation;
import dev.arbiter.solver.AllocationProblem;
import java.util.List;

/**
 * Everything behind a decision, in the order it was worked out: the request as received, the facts
 * derived from it, every rule firing with the facts it matched, the outcomes, the sizing problem and
 * its answer, the proof, and the explanations. An auditor reads it; a replay re-runs it.
 */
public record DecisionTrace(String decisionId, Versions versions, DecisionRequest request,
                            List<IndicatorValue> indicators, List<FeedStatus> feeds, List<Exposure> exposures,
                            List<Firing> firings, List<OutcomeRecord> outcomes, AllocationProblem allocationProblem,
                            Allocation allocation, ProofResult proof, List<Explanation> explanations) {
}
