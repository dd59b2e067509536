package dev.arbiter.kb.state;

import java.math.BigDecimal;

/**
 * A position as the engine books it from fills.
 *
 * @param quantity     signed: positive long, negative short
 * @param averagePrice volume-weighted entry price of the open quantity
 * @param realisedPnl  profit or loss realised since the position was opened, fees included
 * @param stopPrice    the protective stop of the order that opened it, when the engine approved one; a close at or
 *                     beyond it counts as a stop-loss
 */
public record PositionState(String symbol, BigDecimal quantity, BigDecimal averagePrice, BigDecimal realisedPnl,
                            BigDecimal stopPrice) {

    public boolean flat() {
        return quantity.signum() == 0;
    }
}
