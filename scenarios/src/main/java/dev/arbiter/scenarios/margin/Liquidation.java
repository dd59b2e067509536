package dev.arbiter.scenarios.margin;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A position the venue liquidated: closed at its liquidation price, the maintenance margin it still had lost on top.
 *
 * @param at               the open time of the bar whose range crossed the liquidation price
 * @param quantity         the signed position closed
 * @param entryPrice       its average entry
 * @param liquidationPrice where the margin model put its liquidation (margin ratio 1), the price it was closed at
 * @param adversePrice     the bar's low (a long) or high (a short) that crossed it
 * @param marginLost       the position's maintenance margin at the liquidation price, lost to the venue
 */
public record Liquidation(String symbol, Instant at, BigDecimal quantity, BigDecimal entryPrice,
                          BigDecimal liquidationPrice, BigDecimal adversePrice, BigDecimal marginLost) {
}
