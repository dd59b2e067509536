package dev.arbiter.solver.model;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * The problem fact behind the position-quantity constraint: per instrument, |position + Σ signed order
 * quantity| may not exceed {@code maxPositionQuantity} (nor grow when the position is already above it).
 *
 * @param maxPositionQuantity         the most any instrument's position may hold, in units of the instrument
 * @param symbolToPositionQuantity    the signed position quantity per symbol before the orders (absent = 0)
 */
public record PositionQuantityLimit(BigDecimal maxPositionQuantity, Map<String, BigDecimal> symbolToPositionQuantity) {

    public PositionQuantityLimit {
        Objects.requireNonNull(maxPositionQuantity, "maxPositionQuantity");
        symbolToPositionQuantity = Map.copyOf(symbolToPositionQuantity);
    }

    /** The signed position in a symbol before the orders. */
    public BigDecimal positionBefore(String symbol) {
        return symbolToPositionQuantity.getOrDefault(symbol, BigDecimal.ZERO);
    }

    /** The signed position once orders of signed quantity {@code signedOrders} in the symbol fill. */
    public BigDecimal positionAfter(String symbol, BigDecimal signedOrders) {
        return positionBefore(symbol).add(signedOrders);
    }

    /** How far |position after| lies above the limit, an existing breach not counted; ≤ 0 when within. */
    public BigDecimal excess(String symbol, BigDecimal signedOrders) {
        return PortfolioTerms.excess(positionBefore(symbol).abs(), positionAfter(symbol, signedOrders).abs(),
                maxPositionQuantity);
    }
}
