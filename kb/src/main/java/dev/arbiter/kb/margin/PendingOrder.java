package dev.arbiter.kb.margin;

import dev.arbiter.kb.fact.Side;
import java.math.BigDecimal;

/** A working order's unfilled part as the margin model reads it: it counts at its limit price. */
public record PendingOrder(String symbol, Side side, BigDecimal quantity, BigDecimal price) {
}
