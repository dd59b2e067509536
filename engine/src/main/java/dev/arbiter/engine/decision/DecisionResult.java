package dev.arbiter.engine.decision;

import dev.arbiter.reasoning.explain.Explanation;
import java.util.List;

/** A decision, the trace that explains it, and how long each stage took to make it. */
public record DecisionResult(Decision decision, DecisionTrace trace, StageTimes stages) {

    /** A decision and its trace as stored, without timings. */
    public DecisionResult(Decision decision, DecisionTrace trace) {
        this(decision, trace, StageTimes.UNKNOWN);
    }

    /** Whether the explanation is here; a decision acknowledged before it was explained has none yet. */
    public boolean explained() {
        return trace.explanations() != null;
    }

    /**
     * This decision with its explanation: each proposal's sentences in the decision and the explanations in the trace,
     * exactly as a decision explained at once has them.
     *
     * @param explanations one per proposal, in the trace's order, as {@link DecisionPipeline#explain} gives them
     * @throws IllegalStateException when they do not explain this decision's proposals with the statuses it decided
     */
    public DecisionResult explained(List<Explanation> explanations) {
        List<ProposalVerdict> verdicts = decision.proposals();
        if (verdicts.size() != explanations.size()) {
            throw new IllegalStateException("decision " + decision.decisionId() + " has " + verdicts.size()
                    + " proposals but " + explanations.size() + " explanations");
        }
        List<ProposalVerdict> explainedVerdicts = new java.util.ArrayList<>(verdicts.size());
        for (int i = 0; i < verdicts.size(); i++) {
            ProposalVerdict verdict = verdicts.get(i);
            Explanation why = explanations.get(i);
            // The status was decided with the decision; an explanation of another status would explain another decision.
            if (!verdict.proposalId().equals(why.proposalId()) || !verdict.status().equals(why.status().name())) {
                throw new IllegalStateException("decision " + decision.decisionId() + ": explanation " + i + " is of "
                        + why.proposalId() + " " + why.status() + ", not of " + verdict.proposalId() + " "
                        + verdict.status());
            }
            explainedVerdicts.add(verdict.withExplanation(why.because()));
        }
        Decision d = decision;
        return new DecisionResult(new Decision(d.decisionId(), d.requestId(), d.asOf(), d.status(), d.summary(),
                d.orders(), explainedVerdicts, d.versions()), trace.withExplanations(explanations), stages);
    }

    /** The same result with other stage timings. */
    public DecisionResult withStages(StageTimes times) {
        return new DecisionResult(decision, trace, times);
    }
}
