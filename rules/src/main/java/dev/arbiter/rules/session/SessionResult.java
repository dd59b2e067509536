package dev.arbiter.rules.session;

import dev.arbiter.kb.fact.Proposal;
import dev.arbiter.kb.outcome.RuleOutcome;
import java.util.List;

/** What a session concluded: the proposals strategy rules made and the outcomes risk rules inserted. */
public record SessionResult(String ruleSetVersion, List<Proposal> proposals, List<RuleOutcome> outcomes,
                            List<Firing> firings) {

    public SessionResult {
        proposals = List.copyOf(proposals);
        outcomes = List.copyOf(outcomes);
        firings = List.copyOf(firings);
    }
}
