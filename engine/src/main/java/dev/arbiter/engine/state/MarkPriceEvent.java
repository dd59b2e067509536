package dev.arbiter.engine.state;

import dev.arbiter.kb.fact.MarkPrice;

/** A perpetual's mark price and funding rate as the venue published them, as its market journal keeps them. */
public record MarkPriceEvent(MarkPrice mark) implements MarketEvent {
}
