package dev.arbiter.kb.outcome;

import static dev.arbiter.kb.Require.identifier;
import static dev.arbiter.kb.Require.nonNegative;
import static dev.arbiter.kb.Require.present;

import java.math.BigDecimal;

/** The proposal may be sent, but at no more than {@code maxQuantity}. The smallest cap wins. */
public record Cap(String proposalId, BigDecimal maxQuantity, Reason reason) implements RuleOutcome {

    public Cap {
        identifier("Cap", "proposalId", proposalId);
        nonNegative("Cap", "maxQuantity", maxQuantity);
        present("Cap", "reason", reason);
    }

    @Override
    public String kind() {
        return "CAP";
    }
}
