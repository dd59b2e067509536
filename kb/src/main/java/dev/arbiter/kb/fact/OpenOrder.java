package dev.arbiter.kb.fact;

import static dev.arbiter.kb.Require.identifier;
import static dev.arbiter.kb.Require.positive;
import static dev.arbiter.kb.Require.present;

import java.math.BigDecimal;

/** A working order at the venue: it reserves balance and counts towards exposure. */
public record OpenOrder(String orderId, String accountId, String symbol, Side side, BigDecimal quantity,
                        BigDecimal price) {

    public OpenOrder {
        identifier("OpenOrder", "orderId", orderId);
        identifier("OpenOrder", "accountId", accountId);
        identifier("OpenOrder", "symbol", symbol);
        present("OpenOrder", "side", side);
        positive("OpenOrder", "quantity", quantity);
        positive("OpenOrder", "price", price);
    }

    public BigDecimal notional() {
        return quantity.multiply(price);
    }
}
