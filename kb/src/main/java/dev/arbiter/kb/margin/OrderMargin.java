package dev.arbiter.kb.margin;

import dev.arbiter.kb.fact.InstrumentKind;
import dev.arbiter.kb.fact.Side;
import java.math.BigDecimal;

/**
 * What an order takes from the account's free balance, while it works and once it fills: a spot buy pays its
 * value (at the desk's margin rate; 1 pays in full), a spot sell takes nothing (it gives back what it sells), and a
 * perpetual order, buy or sell, ties up its initial margin, value / leverage. The rules' free-balance check, the
 * working orders' reservations, the sizing and the proof all count an order's balance here.
 */
public final class OrderMargin {

    private OrderMargin() {
    }

    /**
     * @param marginRate the share of a spot buy's value it takes (the limit {@code margin-rate}; 1 when none)
     */
    public static BigDecimal balanceNeeded(InstrumentKind kind, BigDecimal leverage, Side side, BigDecimal notional,
                                           BigDecimal marginRate) {
        if (kind == InstrumentKind.SPOT) {
            return side == Side.BUY ? notional.multiply(marginRate) : BigDecimal.ZERO;
        }
        return initialMargin(notional, leverage);
    }

    /** What a perpetual position or order of this value ties up at this leverage: value / leverage. */
    public static BigDecimal initialMargin(BigDecimal notional, BigDecimal leverage) {
        return notional.abs().divide(leverage, Decimals.CONTEXT);
    }

    /** The balance one unit of value takes: the coefficient of an order's value in the free-balance limit. */
    public static BigDecimal share(InstrumentKind kind, BigDecimal leverage, Side side, BigDecimal marginRate) {
        return balanceNeeded(kind, leverage, side, BigDecimal.ONE, marginRate);
    }
}
