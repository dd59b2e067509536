package dev.arbiter.kb.state;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A position that went flat (or flipped sides), as the cooldown rules need it.
 *
 * @param pnl      what the position realised over its life, fees included (negative for a loss)
 * @param stopLoss whether it was closed by its stop: reported so, or at or beyond the stop it was opened with
 */
public record ClosedTrade(String symbol, Instant closedAt, BigDecimal pnl, boolean stopLoss) {
}
