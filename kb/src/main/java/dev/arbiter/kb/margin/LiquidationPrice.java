package dev.arbiter.kb.margin;

import dev.arbiter.kb.fact.InstrumentKind;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The mark price at which a USDT-margined perpetual position in one-way mode is liquidated: where the margin
 * backing it equals its maintenance margin. This is the venue's published formula (Binance, "How to Calculate
 * Liquidation Price of USDⓈ-M Futures Contracts"):
 *
 * <pre>
 *   LP = (WB − TMM₁ + UPNL₁ + cum − side × Q × EP) / (Q × MMR − side × Q)
 * </pre>
 *
 * with WB the wallet balance (cross: the account's; isolated: the position's own margin, and then TMM₁ = UPNL₁ =
 * 0), TMM₁ and UPNL₁ the maintenance margin and unrealised P&amp;L of every other cross position, side +1 long
 * and &minus;1 short, Q the position's size in base units and EP its entry price. MMR and cum are the bracket's
 * of the notional at the liquidation price, so each bracket is tried until the price found lies in it.
 */
public final class LiquidationPrice {

    private LiquidationPrice() {
    }

    /**
     * The liquidation price, or empty when there is none: spot, a flat position, or a long backed by more than it
     * can lose (the formula gives zero or less).
     *
     * @param quantity signed: positive long, negative short
     */
    public static Optional<BigDecimal> of(ContractTerms terms, BigDecimal quantity, BigDecimal entryPrice,
                                          BigDecimal walletBalance, BigDecimal otherMaintenance,
                                          BigDecimal otherUnrealised) {
        if (terms.kind() == InstrumentKind.SPOT || quantity.signum() == 0) {
            return Optional.empty();
        }
        BigDecimal side = BigDecimal.valueOf(quantity.signum());
        BigDecimal size = quantity.abs().multiply(terms.contractSize());
        BigDecimal backing = walletBalance.subtract(otherMaintenance).add(otherUnrealised)
                .subtract(side.multiply(size).multiply(entryPrice));
        BigDecimal fallback = null;
        for (MarginTier tier : terms.tiers()) {
            BigDecimal denominator = size.multiply(tier.maintenanceRate()).subtract(side.multiply(size));
            if (denominator.signum() == 0) {
                continue; // a 100% maintenance rate on a long: every price liquidates, no single one does
            }
            BigDecimal price = backing.add(tier.maintenanceAmount()).divide(denominator, Decimals.CONTEXT);
            if (tier.holds(size.multiply(price.max(BigDecimal.ZERO)))) {
                return price.signum() > 0 ? Optional.of(price) : Optional.empty();
            }
            if (fallback == null && tier.holds(size.multiply(entryPrice))) {
                fallback = price; // the entry's bracket, should rounding put the answer between two brackets
            }
        }
        return fallback != null && fallback.signum() > 0 ? Optional.of(fallback) : Optional.empty();
    }
}
