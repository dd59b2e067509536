package dev.arbiter.solver.constraints;

import java.util.List;
import java.util.Locale;

/**
 * What one order (against existing holdings) or a pair of orders adds to the risk penalty
 * λ × portfolio variance, in money; negative when it hedges.
 */
public record RiskJustification(List<String> proposalIds, double penalty) implements AllocationJustification {

    public RiskJustification {
        proposalIds = List.copyOf(proposalIds);
    }

    @Override
    public String description() {
        String who = proposalIds.size() == 1
                ? proposalIds.getFirst() + " (with existing holdings)"
                : String.join(" with ", proposalIds);
        return who + (penalty >= 0 ? " adds " : " removes ") + String.format(Locale.ROOT, "%.4f", Math.abs(penalty))
                + " of risk penalty (risk aversion x covariance of returns)";
    }
}
