package dev.arbiter.reasoning.proof;

import static dev.arbiter.kb.Require.identifier;
import static dev.arbiter.kb.Require.positive;
import static dev.arbiter.kb.Require.present;

import dev.arbiter.kb.fact.Side;
import java.math.BigDecimal;

/**
 * An order at its final size, as the prover sees it.
 *
 * @param quantity the size to send; zero is allowed (the order still takes part in every limit) and a
 *                 negative size is accepted here so that the {@code non-negative} limit can refuse it
 *                 with a reason rather than an exception
 * @param price    the limit price, &gt; 0
 */
public record OrderToProve(String proposalId, String symbol, Side side, BigDecimal quantity, BigDecimal price) {

    public OrderToProve {
        identifier("OrderToProve", "proposalId", proposalId);
        identifier("OrderToProve", "symbol", symbol);
        present("OrderToProve", "side", side);
        present("OrderToProve", "quantity", quantity);
        positive("OrderToProve", "price", price);
    }

    /** Order value: quantity times price, exact. */
    BigDecimal notional() {
        return quantity.multiply(price);
    }
}
