package dev.arbiter.reasoning.proof;

import static dev.arbiter.kb.Require.identifier;
import static dev.arbiter.kb.Require.nonNegative;
import static dev.arbiter.kb.Require.present;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The limits no set of orders may break, whatever the rules and the solver concluded.
 *
 * @param maxGrossExposure       ceiling on current gross exposure plus the notional of every order, both sides
 * @param currentGrossExposure   gross exposure already held, &gt;= 0
 * @param freeBalance            cash free to spend; may be negative when the account is overdrawn
 * @param reservedByOpenOrders   part of the free balance already promised to resting orders, &gt;= 0
 * @param maxQuantityByProposal  the largest size each proposal may be sent at; a proposal without an
 *                               entry cannot be proved (fail closed)
 * @param portfolio              the holdings, account and portfolio limits (net exposure, leverage, margin,
 *                               shares, position quantity, minimum notional); {@code null}: only the limits above
 *                               are checked, buys charged at margin rate 1
 */
public record HardLimits(BigDecimal maxGrossExposure, BigDecimal currentGrossExposure, BigDecimal freeBalance,
                         BigDecimal reservedByOpenOrders, Map<String, BigDecimal> maxQuantityByProposal,
                         PortfolioState portfolio) {

    public HardLimits {
        nonNegative("HardLimits", "maxGrossExposure", maxGrossExposure);
        nonNegative("HardLimits", "currentGrossExposure", currentGrossExposure);
        present("HardLimits", "freeBalance", freeBalance);
        nonNegative("HardLimits", "reservedByOpenOrders", reservedByOpenOrders);
        present("HardLimits", "maxQuantityByProposal", maxQuantityByProposal);
        maxQuantityByProposal.forEach((proposalId, cap) -> {
            identifier("HardLimits", "maxQuantityByProposal key", proposalId);
            nonNegative("HardLimits", "maxQuantityByProposal[" + proposalId + "]", cap);
        });
        maxQuantityByProposal = Map.copyOf(maxQuantityByProposal);
    }

    /** Gross exposure, free balance and the proposals' caps only: no portfolio limit. */
    public HardLimits(BigDecimal maxGrossExposure, BigDecimal currentGrossExposure, BigDecimal freeBalance,
                      BigDecimal reservedByOpenOrders, Map<String, BigDecimal> maxQuantityByProposal) {
        this(maxGrossExposure, currentGrossExposure, freeBalance, reservedByOpenOrders, maxQuantityByProposal, null);
    }

    /** The portfolio limits, or none set when no portfolio was given. */
    PortfolioCaps caps() {
        return portfolio == null ? PortfolioCaps.none() : portfolio.caps();
    }

    /** What the free-balance limit lets buys spend: the free balance less what open orders reserved. */
    BigDecimal availableForBuys() {
        return freeBalance.subtract(reservedByOpenOrders);
    }
}
