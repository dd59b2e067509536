package dev.arbiter.solver;

import static dev.arbiter.kb.Require.identifier;
import static dev.arbiter.kb.Require.nonNegative;
import static dev.arbiter.kb.Require.positive;
import static dev.arbiter.kb.Require.present;

import dev.arbiter.kb.InvalidFactException;
import dev.arbiter.kb.fact.Side;
import java.math.BigDecimal;
import java.util.List;

/**
 * One candidate's size as allocated. A candidate that is not traded appears with quantity 0.
 *
 * @param quantity a whole number of lots, at the lot size's scale (lot 0.01 → {@code 0.50}, {@code 0.00})
 * @param notional quantity × price, exact
 * @param boundBy  one sentence per constraint holding the size where it is, e.g.
 *                 {@code "capped at 0.5 by L1-MAX-ORDER-QTY"}; never empty
 */
public record AllocatedOrder(String proposalId, String symbol, Side side, BigDecimal quantity, BigDecimal price,
                             BigDecimal notional, List<String> boundBy) {

    private static final String FACT = "AllocatedOrder";

    public AllocatedOrder {
        identifier(FACT, "proposalId", proposalId);
        identifier(FACT, "symbol", symbol);
        present(FACT, "side", side);
        nonNegative(FACT, "quantity", quantity);
        positive(FACT, "price", price);
        nonNegative(FACT, "notional", notional);
        present(FACT, "boundBy", boundBy);
        boundBy = List.copyOf(boundBy);
        if (boundBy.isEmpty()) {
            throw new InvalidFactException(FACT, "boundBy", boundBy,
                    "at least one sentence saying what holds the size where it is");
        }
    }

    /** True when the order trades a positive quantity. */
    public boolean traded() {
        return quantity.signum() > 0;
    }
}
