package dev.arbiter.scenarios.run;

import dev.arbiter.kb.fact.Side;
import java.time.Instant;

/**
 * A fill as the engine's journal holds it: price after slippage, fee paid, and why the simulated venue made it
 * ({@code entry}, {@code stop}, {@code time}, {@code end}).
 */
public record Fill(Instant time, String symbol, Side side, double quantity, double price, double fee, String reason) {
}
