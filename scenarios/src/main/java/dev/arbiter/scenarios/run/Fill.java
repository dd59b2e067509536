package dev.arbiter.scenarios.run;

import dev.arbiter.kb.fact.Side;
import java.time.Instant;

/** A simulated execution: price after slippage, fee paid, and why ({@code entry}, {@code stop}, {@code time}, {@code end}). */
public record Fill(Instant time, String symbol, Side side, double quantity, double price, double fee, String reason) {
}
