/**
 * Order-book and trade features when a client supplies them: an L2 book rebuilt from an exchange
 * snapshot and sequenced diffs ({@link dev.arbiter.mlbridge.orderbook.OrderBook}, invalid the moment
 * an update is missed), spread, depth imbalance and microprice
 * ({@link dev.arbiter.mlbridge.orderbook.BookFeatures}), and trade-flow imbalance
 * ({@link dev.arbiter.mlbridge.orderbook.TradeFlow}).
 */
package dev.arbiter.mlbridge.orderbook;
