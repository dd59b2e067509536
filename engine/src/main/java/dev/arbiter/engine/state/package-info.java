/**
 * The engine's own trading state: the events that move it ({@link dev.arbiter.engine.state.AccountEvent},
 * {@link dev.arbiter.engine.state.MarketEvent}: bars and venue marks), the fold that applies them
 * ({@link dev.arbiter.engine.state.AccountBook}), the journal they are appended to
 * before they are acknowledged, and the core that sequences them per account ({@link dev.arbiter.engine.state.TradingCore}).
 */
package dev.arbiter.engine.state;
