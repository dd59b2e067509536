package dev.arbiter.engine.state;

import dev.arbiter.kb.fact.Bar;

/** A bar of market data, as the market journal of its instrument keeps it. */
public record BarEvent(Bar bar) implements MarketEvent {
}
