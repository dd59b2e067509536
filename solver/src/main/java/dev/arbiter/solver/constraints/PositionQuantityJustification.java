package dev.arbiter.solver.constraints;

import static dev.arbiter.kb.text.Figures.plain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An instrument's position, once the orders in it fill, holds more than the position-quantity limit.
 * Quantities keep no trailing zeros, so records compare numerically.
 *
 * @param symbol      the instrument
 * @param before      signed position quantity before the orders
 * @param after       signed position quantity once every order of the decision in it fills
 * @param maxQuantity the limit on |position|
 */
public record PositionQuantityJustification(String symbol, BigDecimal before, BigDecimal after,
                                            BigDecimal maxQuantity) implements AllocationJustification {

    public PositionQuantityJustification {
        Objects.requireNonNull(symbol, "symbol");
        before = before.stripTrailingZeros();
        after = after.stripTrailingZeros();
        maxQuantity = maxQuantity.stripTrailingZeros();
    }

    @Override
    public String description() {
        return "position in " + symbol + " " + plain(after) + " (existing " + plain(before) + ") is above the "
                + "position-quantity limit " + plain(maxQuantity) + " by "
                + plain(after.abs().subtract(maxQuantity.max(before.abs())));
    }
}
