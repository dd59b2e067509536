package dev.arbiter.kb.fact;

import static dev.arbiter.kb.Require.identifier;
import static dev.arbiter.kb.Require.nonNegative;
import static dev.arbiter.kb.Require.positive;
import static dev.arbiter.kb.Require.present;

import java.math.BigDecimal;

/**
 * An account's exposure to one instrument at decision time, measured by the engine's margin model
 * ({@code dev.arbiter.kb.margin.BookRisk}) from its positions and working orders at the mark, so portfolio rules
 * compare like with like. The margin figures are zero for spot and for facts that do not give them.
 *
 * @param positionQuantity    signed position quantity (0 when flat)
 * @param markPrice           the price exposure is valued at (the last close)
 * @param positionNotional    |position quantity| &times; mark price
 * @param openOrderNotional   value of the account's working orders in the instrument, both sides
 * @param unrealisedPnl       (mark &minus; entry) &times; position
 * @param initialMargin       what the position ties up (a perpetual: notional / leverage)
 * @param maintenanceMargin   what the position must keep before it is liquidated
 * @param liquidationPrice    the mark at which the position is liquidated; null when it cannot be
 * @param liquidationDistance |mark &minus; liquidation price| / mark; null when it cannot be liquidated
 */
public record Exposure(String accountId, String symbol, BigDecimal positionQuantity, BigDecimal markPrice,
                       BigDecimal positionNotional, BigDecimal openOrderNotional, BigDecimal unrealisedPnl,
                       BigDecimal initialMargin, BigDecimal maintenanceMargin, BigDecimal liquidationPrice,
                       BigDecimal liquidationDistance) {

    public Exposure {
        identifier("Exposure", "accountId", accountId);
        identifier("Exposure", "symbol", symbol);
        present("Exposure", "positionQuantity", positionQuantity);
        positive("Exposure", "markPrice", markPrice);
        nonNegative("Exposure", "positionNotional", positionNotional);
        nonNegative("Exposure", "openOrderNotional", openOrderNotional);
        unrealisedPnl = unrealisedPnl == null ? BigDecimal.ZERO : unrealisedPnl;
        initialMargin = nonNegative("Exposure", "initialMargin", initialMargin == null ? BigDecimal.ZERO : initialMargin);
        maintenanceMargin = nonNegative("Exposure", "maintenanceMargin",
                maintenanceMargin == null ? BigDecimal.ZERO : maintenanceMargin);
        if (liquidationPrice != null) {
            positive("Exposure", "liquidationPrice", liquidationPrice);
            nonNegative("Exposure", "liquidationDistance", present("Exposure", "liquidationDistance",
                    liquidationDistance));
        } else if (liquidationDistance != null) {
            present("Exposure", "liquidationPrice", liquidationPrice);
        }
    }

    /** Without margin figures: spot, or a book measured before margin. */
    public Exposure(String accountId, String symbol, BigDecimal positionQuantity, BigDecimal markPrice,
                    BigDecimal positionNotional, BigDecimal openOrderNotional) {
        this(accountId, symbol, positionQuantity, markPrice, positionNotional, openOrderNotional, null, null, null,
                null, null);
    }

    /** The position and every working order on either side: what the instrument adds to gross exposure. */
    public BigDecimal grossExposure() {
        return positionNotional.add(openOrderNotional);
    }

    /** Signed notional at the mark: long positive, short negative. */
    public BigDecimal netNotional() {
        return positionQuantity.signum() < 0 ? positionNotional.negate() : positionNotional;
    }
}
