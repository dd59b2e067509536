package dev.arbiter.kb.margin;

import dev.arbiter.kb.fact.MarginMode;
import java.math.BigDecimal;

/**
 * A position as the margin model reads it.
 *
 * @param quantity signed: positive long, negative short (spot: never negative)
 * @param mode     how a perpetual position is margined; ignored for spot
 */
public record Holding(String symbol, BigDecimal quantity, BigDecimal entryPrice, MarginMode mode) {
}
