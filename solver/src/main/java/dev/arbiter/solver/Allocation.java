package dev.arbiter.solver;

import static dev.arbiter.kb.Require.present;
import static dev.arbiter.kb.Require.text;

import dev.arbiter.kb.InvalidFactException;
import java.util.List;

/**
 * The allocator's answer.
 *
 * @param orders   one per candidate, in the candidates' order
 * @param score    the Timefold score of these orders, e.g. {@code 0hard/4800000soft} (units in
 *                 {@link dev.arbiter.solver.constraints.ScoreUnits})
 * @param feasible false when no allocation meets every hard limit; then every order is sized 0
 * @param note     one sentence summing up the allocation; starts with {@code "no orders: "} and gives the
 *                 reason when nothing may trade
 * @param justifications what the score is made of: per constraint with an impact, its total and the
 *                 one-sentence justifications of its largest matches
 */
public record Allocation(List<AllocatedOrder> orders, String score, boolean feasible, String note,
                         List<String> justifications) {

    private static final String FACT = "Allocation";

    public Allocation {
        present(FACT, "orders", orders);
        orders = List.copyOf(orders);
        text(FACT, "score", score);
        text(FACT, "note", note);
        justifications = justifications == null ? List.of() : List.copyOf(justifications);
        if (!feasible) {
            for (int i = 0; i < orders.size(); i++) {
                if (orders.get(i).traded()) {
                    throw new InvalidFactException(FACT, "orders[" + i + "].quantity", orders.get(i).quantity(),
                            "0: an infeasible allocation trades nothing");
                }
            }
        }
    }

    /** Without a breakdown of the score (a hand-built or trivial allocation). */
    public Allocation(List<AllocatedOrder> orders, String score, boolean feasible, String note) {
        this(orders, score, feasible, note, List.of());
    }

    /** The orders with a positive quantity, in the candidates' order. */
    public List<AllocatedOrder> tradedOrders() {
        return orders.stream().filter(AllocatedOrder::traded).toList();
    }
}
