package dev.arbiter.solver;

import static dev.arbiter.kb.Require.identifier;
import static dev.arbiter.kb.Require.nonNegative;
import static dev.arbiter.kb.Require.present;

import java.math.BigDecimal;

/**
 * What the account already carries in one instrument, valued at the mark: its position and its working
 * orders. Exposure limits count it before any new order.
 *
 * @param positionNotional signed position value: positive long, negative short
 * @param openBuyNotional  value of working buy orders, &ge; 0
 * @param openSellNotional value of working sell orders, &ge; 0
 * @param positionQuantity signed position quantity (units of the instrument); {@code null} when not given,
 *                         required when {@link PortfolioLimits#maxPositionQuantity()} is set
 */
public record Holding(String symbol, BigDecimal positionNotional, BigDecimal openBuyNotional,
                      BigDecimal openSellNotional, BigDecimal positionQuantity) {

    private static final String FACT = "Holding";

    public Holding {
        identifier(FACT, "symbol", symbol);
        present(FACT, "positionNotional", positionNotional);
        nonNegative(FACT, "openBuyNotional", openBuyNotional);
        nonNegative(FACT, "openSellNotional", openSellNotional);
        if (positionQuantity != null && positionQuantity.signum() != 0
                && positionQuantity.signum() != positionNotional.signum()) {
            throw new dev.arbiter.kb.InvalidFactException(FACT, "positionQuantity", positionQuantity.toPlainString(),
                    "a quantity with the sign of positionNotional " + positionNotional.toPlainString()
                            + " (long positive, short negative)");
        }
    }

    /** Without the position quantity (a position-quantity limit then cannot be checked). */
    public Holding(String symbol, BigDecimal positionNotional, BigDecimal openBuyNotional, BigDecimal openSellNotional) {
        this(symbol, positionNotional, openBuyNotional, openSellNotional, null);
    }

    /** |position| + working orders on both sides. */
    public BigDecimal gross() {
        return positionNotional.abs().add(openBuyNotional).add(openSellNotional);
    }

    /** Position plus working buys minus working sells: the net exposure once every working order fills. */
    public BigDecimal net() {
        return positionNotional.add(openBuyNotional).subtract(openSellNotional);
    }
}
