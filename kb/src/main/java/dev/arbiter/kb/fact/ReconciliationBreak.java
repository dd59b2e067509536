package dev.arbiter.kb.fact;

import static dev.arbiter.kb.Require.identifier;
import static dev.arbiter.kb.Require.text;

/**
 * A figure a client claimed about an account that differs from the engine's own by more than the tolerance. The
 * rules see the engine's figure, never the claim; this fact lets an operational rule flag or reject by policy.
 *
 * @param field   where the claim was, e.g. {@code account.equity} or {@code positions[ETH-USD].quantity}
 * @param claimed what the client said, as it said it
 * @param engine  what the engine holds
 */
public record ReconciliationBreak(String accountId, String field, String claimed, String engine) {

    public ReconciliationBreak {
        identifier("ReconciliationBreak", "accountId", accountId);
        text("ReconciliationBreak", "field", field);
        text("ReconciliationBreak", "claimed", claimed);
        text("ReconciliationBreak", "engine", engine);
    }
}
