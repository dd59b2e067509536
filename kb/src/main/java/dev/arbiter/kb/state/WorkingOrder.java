package dev.arbiter.kb.state;

import dev.arbiter.kb.fact.Side;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * An order the engine approved that is still working: it reserves balance and counts towards exposure until the
 * trading system reports it filled, cancelled, rejected, or it expires.
 *
 * @param decisionId the decision that approved it
 * @param stopLoss   the protective stop it was approved with, or null
 * @param expiresAt  when an approval the trading system never reported expires
 */
public record WorkingOrder(String orderId, String decisionId, String symbol, Side side, BigDecimal quantity,
                           BigDecimal filledQuantity, BigDecimal price, BigDecimal stopLoss, Instant approvedAt,
                           Instant expiresAt, OrderStatus status) {

    public BigDecimal remaining() {
        return quantity.subtract(filledQuantity);
    }

    /** What the unfilled part is worth at its limit price. */
    public BigDecimal remainingNotional() {
        return remaining().multiply(price);
    }
}
