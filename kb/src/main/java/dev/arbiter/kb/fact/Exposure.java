package dev.arbiter.kb.fact;

import static dev.arbiter.kb.Require.identifier;
import static dev.arbiter.kb.Require.nonNegative;
import static dev.arbiter.kb.Require.positive;
import static dev.arbiter.kb.Require.present;

import java.math.BigDecimal;

/**
 * An account's exposure to one instrument at decision time, derived by the engine from positions and
 * open orders and marked at the last close, so portfolio rules compare like with like.
 *
 * @param positionQuantity  signed position quantity (0 when flat)
 * @param markPrice         the price exposure is valued at (the last close)
 * @param positionNotional  |position quantity| &times; mark price
 * @param openOrderNotional value of the account's working orders in the instrument
 */
public record Exposure(String accountId, String symbol, BigDecimal positionQuantity, BigDecimal markPrice,
                       BigDecimal positionNotional, BigDecimal openOrderNotional) {

    public Exposure {
        identifier("Exposure", "accountId", accountId);
        identifier("Exposure", "symbol", symbol);
        present("Exposure", "positionQuantity", positionQuantity);
        positive("Exposure", "markPrice", markPrice);
        nonNegative("Exposure", "positionNotional", positionNotional);
        nonNegative("Exposure", "openOrderNotional", openOrderNotional);
    }
}
