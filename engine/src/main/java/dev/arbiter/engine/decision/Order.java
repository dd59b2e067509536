package dev.arbiter.engine.decision;

import dev.arbiter.kb.fact.Side;
import java.math.BigDecimal;

/** An order the decision approves for sending. */
public record Order(String proposalId, String symbol, Side side, BigDecimal quantity, BigDecimal price,
                    BigDecimal notional) {
}
