package dev.arbiter.reasoning.proof;

import dev.arbiter.kb.fact.Side;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The hard limits one set of orders is held to, named, with the exact numbers behind each. The prover
 * states these limits to Z3; the sentences explaining a violation are computed here, with
 * {@code BigDecimal}, so that the numbers a risk officer reads are the numbers that were proved.
 */
final class LimitFigures {

    static final String GROSS_EXPOSURE = "gross-exposure";
    static final String FREE_BALANCE = "free-balance";
    static final String MAX_QUANTITY = "max-quantity:";
    static final String NON_NEGATIVE = "non-negative:";

    private final List<OrderToProve> orders;
    private final HardLimits limits;

    LimitFigures(List<OrderToProve> orders, HardLimits limits) {
        Set<String> seen = new HashSet<>();
        for (OrderToProve order : orders) {
            if (!seen.add(order.proposalId())) {
                throw new IllegalArgumentException("orders: proposalId '" + order.proposalId()
                        + "' appears twice; expected one order per proposal, since limits are named after it");
            }
        }
        this.orders = List.copyOf(orders);
        this.limits = limits;
    }

    /** Every limit's name, in the order they are stated: the two account limits, then two per order. */
    List<String> names() {
        List<String> names = new ArrayList<>(2 + 2 * orders.size());
        names.add(GROSS_EXPOSURE);
        names.add(FREE_BALANCE);
        for (OrderToProve order : orders) {
            names.add(MAX_QUANTITY + order.proposalId());
            names.add(NON_NEGATIVE + order.proposalId());
        }
        return names;
    }

    BigDecimal ordersNotional() {
        return orders.stream().map(OrderToProve::notional).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    BigDecimal grossExposure() {
        return limits.currentGrossExposure().add(ordersNotional());
    }

    BigDecimal buyNotional() {
        return orders.stream().filter(order -> order.side() == Side.BUY)
                .map(OrderToProve::notional).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** One sentence saying, with the numbers, how the named limit is broken. */
    String violationDetail(String limit) {
        if (limit.equals(GROSS_EXPOSURE)) {
            return "gross exposure " + show(grossExposure()) + " exceeds the limit " + show(limits.maxGrossExposure())
                    + " (current " + show(limits.currentGrossExposure()) + " plus " + show(ordersNotional())
                    + " from " + orders.size() + (orders.size() == 1 ? " order)" : " orders)");
        }
        if (limit.equals(FREE_BALANCE)) {
            return "buy notional " + show(buyNotional()) + " exceeds the available balance "
                    + show(limits.availableForBuys()) + " (free " + show(limits.freeBalance()) + " minus "
                    + show(limits.reservedByOpenOrders()) + " reserved by open orders)";
        }
        if (limit.startsWith(MAX_QUANTITY)) {
            OrderToProve order = order(limit.substring(MAX_QUANTITY.length()));
            BigDecimal cap = limits.maxQuantityByProposal().get(order.proposalId());
            if (cap == null) {
                return "proposal " + order.proposalId() + " has no maximum quantity in the hard limits, so its size "
                        + show(order.quantity()) + " cannot be proved and is refused (fail closed)";
            }
            return "quantity " + show(order.quantity()) + " of proposal " + order.proposalId()
                    + " exceeds its maximum quantity " + show(cap);
        }
        if (limit.startsWith(NON_NEGATIVE)) {
            OrderToProve order = order(limit.substring(NON_NEGATIVE.length()));
            return "quantity " + show(order.quantity()) + " of proposal " + order.proposalId() + " is negative";
        }
        throw new IllegalArgumentException("limit '" + limit + "' is not one of " + names());
    }

    private OrderToProve order(String proposalId) {
        return orders.stream().filter(order -> order.proposalId().equals(proposalId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("proposalId '" + proposalId
                        + "' is not among the orders; expected one of "
                        + orders.stream().map(OrderToProve::proposalId).toList()));
    }

    /**
     * An exact number as a person reads it: products carry many trailing zeros (1.5 x 40823.00 =
     * 61234.500), so zeros beyond the second decimal are dropped. Nothing is rounded.
     */
    static String show(BigDecimal value) {
        if (value.scale() <= 2) {
            return value.toPlainString();
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 2 ? stripped.setScale(2) : stripped).toPlainString();
    }
}
