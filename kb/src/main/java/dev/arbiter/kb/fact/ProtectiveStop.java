package dev.arbiter.kb.fact;

import static dev.arbiter.kb.Require.identifier;
import static dev.arbiter.kb.Require.positive;

import java.math.BigDecimal;

/** The stop-loss price that protects a proposal once filled; inserted by the rule that made the proposal. */
public record ProtectiveStop(String proposalId, BigDecimal price) {

    public ProtectiveStop {
        identifier("ProtectiveStop", "proposalId", proposalId);
        positive("ProtectiveStop", "price", price);
    }
}
