package dev.arbiter.rules.dsl;

import dev.arbiter.kb.fact.Exposure;
import dev.arbiter.kb.fact.Proposal;
import dev.arbiter.kb.fact.Side;
import java.math.BigDecimal;
import java.math.MathContext;

/** Arithmetic rules need in their conditions, kept exact (BigDecimal) and named for what it means. */
public final class Measures {

    private Measures() {
    }

    /** |price - reference| / reference: how far a price sits from a reference, as a fraction. */
    public static BigDecimal relativeDistance(BigDecimal price, BigDecimal reference) {
        return price.subtract(reference).abs().divide(reference, MathContext.DECIMAL64);
    }

    /** Whether {@code value} is a whole multiple of {@code step} (a price on the tick, a quantity on the lot). */
    public static boolean onStep(BigDecimal value, BigDecimal step) {
        return value.remainder(step).signum() == 0;
    }

    /**
     * Whether the proposal opens or grows a position rather than only reducing one: a buy while flat
     * or long, a sell while flat or short, or an order larger than the position it would close.
     */
    public static boolean opens(Proposal proposal, Exposure exposure) {
        BigDecimal held = exposure.positionQuantity();
        BigDecimal signed = proposal.side() == Side.BUY ? proposal.quantity() : proposal.quantity().negate();
        BigDecimal after = held.add(signed);
        return after.abs().compareTo(held.abs()) > 0 || held.signum() != 0 && after.signum() == -held.signum();
    }

    /** Signed quantity after the proposal fills: the position plus a buy, or minus a sell. */
    public static BigDecimal positionAfter(Proposal proposal, Exposure exposure) {
        BigDecimal signed = proposal.side() == Side.BUY ? proposal.quantity() : proposal.quantity().negate();
        return exposure.positionQuantity().add(signed);
    }

    /**
     * What the position pays at the next funding once the proposal fills: the rate times its notional when it is on
     * the paying side (long at a positive rate, short at a negative one), else zero. Notional is the exposure's at the
     * mark plus the order's at its price.
     */
    public static BigDecimal fundingPaidAfter(Proposal proposal, Exposure exposure, BigDecimal rate) {
        BigDecimal order = proposal.side() == Side.BUY ? proposal.notional() : proposal.notional().negate();
        return exposure.netNotional().add(order).multiply(rate).max(BigDecimal.ZERO);
    }

    /** value / reference as a double, for volatility-style ratios of indicator values. */
    public static double ratio(double value, BigDecimal reference) {
        return value / reference.doubleValue();
    }
}
