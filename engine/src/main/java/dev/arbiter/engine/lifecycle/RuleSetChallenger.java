package dev.arbiter.engine.lifecycle;

import dev.arbiter.engine.decision.DecisionRequest;
import dev.arbiter.engine.decision.RuleRelease;
import dev.arbiter.engine.shadow.Challenger;

/** A candidate release in shadow: it decides the champion's request as it is, with the candidate's release. */
record RuleSetChallenger(Candidate candidate, RuleRelease release) implements Challenger {

    static final String KIND = "rule-set";

    /** The challenger id of a candidate. */
    static String idOf(String candidateId) {
        return KIND + ":" + candidateId;
    }

    @Override
    public String id() {
        return idOf(candidate.id());
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String description() {
        return describe(candidate);
    }

    static String describe(Candidate candidate) {
        return "rule-set candidate " + candidate.id() + " (" + candidate.releaseKey() + ") by " + candidate.author()
                + ": " + candidate.note();
    }

    @Override
    public boolean appliesTo(DecisionRequest championRequest) {
        return true;
    }

    @Override
    public DecisionRequest request(DecisionRequest championRequest) {
        return championRequest;
    }

    @Override
    public RuleRelease release(RuleRelease championRelease) {
        return release;
    }
}
