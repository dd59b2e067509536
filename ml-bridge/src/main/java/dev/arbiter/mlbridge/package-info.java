/**
 * Turns market data and models into the facts rules reason over: indicator values
 * ({@code indicators}) and checked bar series read from files or requests ({@code marketdata}).
 */
package dev.arbiter.mlbridge;
