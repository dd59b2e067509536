package dev.arbiter.rules.session;

import dev.arbiter.kb.fact.Proposal;
import dev.arbiter.kb.outcome.RuleOutcome;
import java.util.List;

/**
 * What a session concluded: the proposals strategy rules made and the outcomes risk rules inserted.
 *
 * @param fault why the session failed, or {@code null} when it finished normally; after a fault every
 *              proposal carries an ENGINE_FAULT rejection
 */
public record SessionResult(String ruleSetVersion, List<Proposal> proposals, List<RuleOutcome> outcomes,
                            List<Firing> firings, SessionFault fault) {

    public SessionResult {
        proposals = List.copyOf(proposals);
        outcomes = List.copyOf(outcomes);
        firings = List.copyOf(firings);
    }
}
