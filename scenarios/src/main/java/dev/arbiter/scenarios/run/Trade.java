package dev.arbiter.scenarios.run;

import java.time.Instant;

/**
 * One position of the engine's, from the fill that opened it to the fill that made it flat.
 *
 * @param quantity   the quantity held when it closed
 * @param entryPrice the engine's volume-weighted entry price of that quantity
 * @param fees       every fee paid on the position's fills
 * @param pnl        what the engine booked the position as realising over its life, fees included
 * @param origin     the reason code or client of the order that opened it (e.g. {@code S-MOMENTUM})
 * @param exit       why it was closed: {@code stop}, {@code time}, {@code entry} (a sell order) or {@code end}
 *                   (still open when the run ended, closed at its last mark)
 */
public record Trade(String symbol, String origin, Instant entryTime, Instant exitTime, double quantity,
                    double entryPrice, double exitPrice, double fees, double pnl, String exit) {
}
