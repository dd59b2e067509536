package dev.arbiter.engine.decision;

import dev.arbiter.kb.fact.Exposure;
import dev.arbiter.kb.fact.FeedStatus;
import dev.arbiter.kb.fact.IndicatorValue;
import dev.arbiter.reasoning.explain.Explanation;
import dev.arbiter.reasoning.proof.ProofResult;
import dev.arbiter.rules.session.Firing;
import dev.arbiter.rules.session.SessionFault;
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
 */
public record DecisionTrace(String decisionId, Versions versions, DecisionRequest request,
                            List<IndicatorValue> indicators, List<FeedStatus> feeds, List<Exposure> exposures,
                            List<Firing> firings, SessionFault sessionFault, List<OutcomeRecord> outcomes,
                            AllocationProblem allocationProblem,
                            Allocation allocation, ProofResult proof, List<Explanation> explanations) {
}
