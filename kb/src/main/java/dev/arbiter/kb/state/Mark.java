package dev.arbiter.kb.state;

import java.math.BigDecimal;
import java.time.Instant;

/** The last price of an instrument from market data, and when it was seen. */
public record Mark(String symbol, BigDecimal price, Instant at) {
}
