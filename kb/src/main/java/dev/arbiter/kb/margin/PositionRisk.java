package dev.arbiter.kb.margin;

import dev.arbiter.kb.fact.InstrumentKind;
import dev.arbiter.kb.fact.MarginMode;
import java.math.BigDecimal;

/**
 * One instrument of an account, measured: its position at the mark and the working orders in it.
 *
 * @param quantity              signed position
 * @param notional              |quantity| &times; mark &times; contract size
 * @param workingBuyNotional    the unfilled buy orders at their limit prices
 * @param workingSellNotional   the unfilled sell orders at their limit prices
 * @param unrealisedPnl         (mark &minus; entry) &times; quantity &times; contract size
 * @param initialMargin         what the position ties up: notional / leverage (spot: the notional)
 * @param maintenanceMargin     what it must keep before it is liquidated (spot: zero)
 * @param liquidationPrice      the mark at which it is liquidated, or null when it cannot be
 * @param liquidationDistance   |mark &minus; liquidation price| / mark, or null when it cannot be liquidated
 */
public record PositionRisk(String symbol, InstrumentKind kind, MarginMode mode, BigDecimal quantity,
                           BigDecimal entryPrice, BigDecimal mark, BigDecimal notional, BigDecimal workingBuyNotional,
                           BigDecimal workingSellNotional, BigDecimal unrealisedPnl, BigDecimal initialMargin,
                           BigDecimal maintenanceMargin, BigDecimal liquidationPrice, BigDecimal liquidationDistance) {
}
