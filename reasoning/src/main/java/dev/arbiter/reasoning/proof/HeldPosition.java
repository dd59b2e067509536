package dev.arbiter.reasoning.proof;

import static dev.arbiter.kb.Require.identifier;
import static dev.arbiter.kb.Require.nonNegative;
import static dev.arbiter.kb.Require.present;

import dev.arbiter.kb.InvalidFactException;
import java.math.BigDecimal;

/**
 * What the account already carries in one instrument before the orders.
 *
 * @param positionNotional signed value of the position (long +, short &minus;)
 * @param openBuyNotional  value of working buy orders, &ge; 0
 * @param openSellNotional value of working sell orders, &ge; 0
 * @param positionQuantity signed position quantity with the sign of {@code positionNotional}; {@code null} when
 *                         not known (the position-quantity limit then refuses to prove the instrument)
 */
public record HeldPosition(String symbol, BigDecimal positionNotional, BigDecimal openBuyNotional,
                           BigDecimal openSellNotional, BigDecimal positionQuantity) {

    private static final String FACT = "HeldPosition";

    public HeldPosition {
        identifier(FACT, "symbol", symbol);
        present(FACT, "positionNotional", positionNotional);
        nonNegative(FACT, "openBuyNotional", openBuyNotional);
        nonNegative(FACT, "openSellNotional", openSellNotional);
        if (positionQuantity != null && positionQuantity.signum() != 0
                && positionQuantity.signum() != positionNotional.signum()) {
            throw new InvalidFactException(FACT, "positionQuantity", positionQuantity.toPlainString(),
                    "a quantity with the sign of positionNotional " + positionNotional.toPlainString()
                            + " (long positive, short negative)");
        }
    }

    /** |position| + working orders on both sides. */
    BigDecimal gross() {
        return positionNotional.abs().add(openBuyNotional).add(openSellNotional);
    }

    /** Position plus working buys minus working sells. */
    BigDecimal net() {
        return positionNotional.add(openBuyNotional).subtract(openSellNotional);
    }
}
