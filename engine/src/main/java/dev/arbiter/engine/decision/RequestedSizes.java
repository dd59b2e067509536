package dev.arbiter.engine.decision;

import dev.arbiter.kb.text.Figures;
import dev.arbiter.solver.AllocatedOrder;
import dev.arbiter.solver.Allocation;
import dev.arbiter.solver.AllocationCandidate;
import dev.arbiter.solver.AllocationProblem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Sizing for a pre-trade check: no optimisation, each surviving intent at the size it asked for, or
 * at the rules' cap when a rule capped it, in whole lots. The limit proof still checks the result, so
 * a check says whether the orders as sent would pass every hard limit.
 */
public final class RequestedSizes implements Sizer {

    @Override
    public Allocation size(AllocationProblem problem) {
        List<AllocatedOrder> orders = problem.candidates().stream().map(RequestedSizes::sized).toList();
        return new Allocation(orders, "not optimised", true,
                "pre-trade check: each intent at its requested size or its cap, not optimised");
    }

    private static AllocatedOrder sized(AllocationCandidate candidate) {
        var proposal = candidate.proposal();
        BigDecimal lot = candidate.lotSize();
        BigDecimal quantity = candidate.maxQuantity().divide(lot, 0, RoundingMode.DOWN).multiply(lot);
        String why = candidate.capReasons().isEmpty()
                ? "requested " + Figures.plain(proposal.quantity())
                : "capped at " + Figures.plain(quantity) + " by " + String.join(", ", candidate.capReasons());
        return new AllocatedOrder(proposal.proposalId(), proposal.symbol(), proposal.side(), quantity, proposal.price(),
                quantity.multiply(proposal.price()), List.of(why));
    }
}
