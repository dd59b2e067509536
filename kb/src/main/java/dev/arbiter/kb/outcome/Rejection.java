package dev.arbiter.kb.outcome;

import static dev.arbiter.kb.Require.identifier;
import static dev.arbiter.kb.Require.present;

/** The proposal must not be sent. */
public record Rejection(String proposalId, Reason reason) implements RuleOutcome {

    public Rejection {
        identifier("Rejection", "proposalId", proposalId);
        present("Rejection", "reason", reason);
    }

    @Override
    public String kind() {
        return "REJECT";
    }
}
