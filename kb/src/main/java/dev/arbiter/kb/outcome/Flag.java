package dev.arbiter.kb.outcome;

import static dev.arbiter.kb.Require.identifier;
import static dev.arbiter.kb.Require.present;

/** The proposal may be sent, but something about it deserves a human's attention. */
public record Flag(String proposalId, Reason reason) implements RuleOutcome {

    public Flag {
        identifier("Flag", "proposalId", proposalId);
        present("Flag", "reason", reason);
    }

    @Override
    public String kind() {
        return "FLAG";
    }
}
