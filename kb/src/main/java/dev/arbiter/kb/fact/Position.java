package dev.arbiter.kb.fact;

import static dev.arbiter.kb.Require.identifier;
import static dev.arbiter.kb.Require.positive;
import static dev.arbiter.kb.Require.present;

import java.math.BigDecimal;

/**
 * An open position.
 *
 * @param quantity signed quantity: positive long, negative short
 */
public record Position(String accountId, String symbol, BigDecimal quantity, BigDecimal averagePrice) {

    public Position {
        identifier("Position", "accountId", accountId);
        identifier("Position", "symbol", symbol);
        present("Position", "quantity", quantity);
        positive("Position", "averagePrice", averagePrice);
    }
}
