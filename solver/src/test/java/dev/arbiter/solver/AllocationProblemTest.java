package dev.arbiter.solver;

import static dev.arbiter.solver.Fixtures.problem;
import static dev.arbiter.solver.Fixtures.proposal;
import static dev.arbiter.solver.Fixtures.uncapped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.kb.fact.Side;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllocationProblemTest {

    private static final AllocationCandidate BTC =
            uncapped(proposal("P-BTC", "BTC-USD", Side.BUY, "0.5", "60000", 0.9), "0.01");

    @Test
    void rejectsTwoCandidatesForTheSameProposal() {
        AllocationCandidate again = uncapped(proposal("P-BTC", "BTC-USD", Side.SELL, "0.2", "60000", 0.4), "0.01");

        assertThatThrownBy(() -> problem("50000", "0", BTC, again))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("AllocationProblem.candidates[1].proposal.proposalId: 'P-BTC' is not accepted; expected a "
                        + "proposal id no earlier candidate uses (candidates[0] does); at most one candidate per proposal");
    }

    @Test
    void rejectsNegativeExposures() {
        assertThatThrownBy(() -> problem("-1", "0", BTC))
                .hasMessage("PortfolioLimits.maxGrossExposure: -1 is not accepted; expected a number >= 0");
        assertThatThrownBy(() -> problem("50000", "-0.01", BTC))
                .hasMessage("AllocationProblem.currentGrossExposure: -0.01 is not accepted; expected a number >= 0");
    }

    @Test
    void rejectsANullCandidate() {
        List<AllocationCandidate> withNull = new ArrayList<>(Arrays.asList(BTC, null));

        assertThatThrownBy(() -> new AllocationProblem(withNull, BigDecimal.TEN, BigDecimal.ZERO))
                .hasMessage("AllocationProblem.candidates[1]: null is not accepted; "
                        + "expected a candidate (the list holds no nulls)");
    }

    @Test
    void keepsItsOwnCopyOfTheCandidates() {
        List<AllocationCandidate> candidates = new ArrayList<>(List.of(BTC));
        AllocationProblem problem = new AllocationProblem(candidates, BigDecimal.TEN, BigDecimal.ZERO);
        candidates.clear();

        assertThat(problem.candidates()).containsExactly(BTC);
    }
}
