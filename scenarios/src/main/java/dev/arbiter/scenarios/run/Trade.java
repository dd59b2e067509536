package dev.arbiter.scenarios.run;

import java.time.Instant;

/**
 * One closed entry: bought at {@code entryPrice}, sold at {@code exitPrice}.
 *
 * @param pnl    profit or loss after both fills' fees, in account currency
 * @param origin the reason code or client that opened it (e.g. {@code S-MOMENTUM})
 * @param exit   why it was closed: {@code stop}, {@code time} or {@code end} (still open when the run ended)
 */
public record Trade(String symbol, String origin, Instant entryTime, Instant exitTime, double quantity,
                    double entryPrice, double exitPrice, double fees, double pnl, String exit) {
}
