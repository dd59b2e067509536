package dev.arbiter.kb.fact;

import static dev.arbiter.kb.Require.identifier;
import static dev.arbiter.kb.Require.identifiers;
import static dev.arbiter.kb.Require.positive;
import static dev.arbiter.kb.Require.present;
import static dev.arbiter.kb.Require.text;
import static dev.arbiter.kb.Require.unitInterval;

import java.math.BigDecimal;
import java.util.List;

/**
 * An order the engine considers sending: made by a strategy rule or taken from a client's intent.
 * Risk rules reject or cap proposals; the solver sizes those that survive.
 *
 * @param quantity   the size asked for (the upper bound of what the solver may choose)
 * @param price      limit price the order would carry
 * @param conviction how strongly the origin believes in the trade, 0..1 (the solver's return weight)
 * @param origin     the strategy rule or the client intent the proposal came from
 * @param models     the models whose predictions the origin acted on, sorted (the predictions a strategy rule
 *                   matched, the models an intent names); none when it used no model
 */
public record Proposal(String proposalId, String accountId, String symbol, Side side, BigDecimal quantity,
                       BigDecimal price, double conviction, String origin, List<String> models) {

    public Proposal {
        identifier("Proposal", "proposalId", proposalId);
        identifier("Proposal", "accountId", accountId);
        identifier("Proposal", "symbol", symbol);
        present("Proposal", "side", side);
        positive("Proposal", "quantity", quantity);
        positive("Proposal", "price", price);
        unitInterval("Proposal", "conviction", conviction);
        text("Proposal", "origin", origin);
        models = identifiers("Proposal", "models", models);
    }

    /** A proposal whose origin used no model. */
    public Proposal(String proposalId, String accountId, String symbol, Side side, BigDecimal quantity,
                    BigDecimal price, double conviction, String origin) {
        this(proposalId, accountId, symbol, side, quantity, price, conviction, origin, List.of());
    }

    /** Whether the origin acted on a prediction of {@code model}. */
    public boolean usedModel(String model) {
        return models.contains(model);
    }

    /** Order value at the proposed size. */
    public BigDecimal notional() {
        return quantity.multiply(price);
    }
}
