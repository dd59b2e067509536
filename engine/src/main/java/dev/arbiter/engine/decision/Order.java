package dev.arbiter.engine.decision;

import dev.arbiter.kb.fact.Side;
import java.math.BigDecimal;

/**
 * An order the decision approves for sending.
 *
 * @param orderId the id the trading system reports the order's acknowledgement, fills or cancellation under:
 *                {@code <decisionId>/<proposalId>} ({@link #idOf})
 */
public record Order(String orderId, String proposalId, String symbol, Side side, BigDecimal quantity, BigDecimal price,
                    BigDecimal notional) {

    /** The id of the order a decision approves for a proposal. */
    public static String idOf(String decisionId, String proposalId) {
        return decisionId + "/" + proposalId;
    }
}
