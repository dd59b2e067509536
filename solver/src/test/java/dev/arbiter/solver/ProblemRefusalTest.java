package dev.arbiter.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.kb.InvalidFactException;
import dev.arbiter.kb.fact.Proposal;
import dev.arbiter.kb.fact.Side;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Inconsistent problems are refused, naming the field, the value and what is accepted. */
class ProblemRefusalTest {

    private static final Proposal BTC = new Proposal("P-BTC", "ACC-1", "BTC-USD", Side.BUY, BigDecimal.ONE,
            new BigDecimal("60000"), 0.8, "strategy:test");

    @Test
    void refusesNegativeEquity() {
        assertThatThrownBy(() -> new AccountTerms(new BigDecimal("-5"), BigDecimal.TEN, BigDecimal.ZERO))
                .isInstanceOf(InvalidFactException.class)
                .hasMessage("AccountTerms.equity: -5 is not accepted; expected a number >= 0");
    }

    @Test
    void refusesACapBelowZero() {
        assertThatThrownBy(() -> new AllocationCandidate(BTC, new BigDecimal("-1"), new BigDecimal("0.01"),
                List.of("L1-MAX-ORDER-QTY")))
                .isInstanceOf(InvalidFactException.class)
                .hasMessage("AllocationCandidate.maxQuantity: -1 is not accepted; expected a number >= 0");
    }

    @Test
    void refusesACovarianceThatIsNotPositiveSemiDefinite() {
        // correlations 0.9, 0.9 and -0.9 contradict each other
        List<List<Double>> matrix = List.of(List.of(1.0, 0.9, 0.9), List.of(0.9, 1.0, -0.9), List.of(0.9, -0.9, 1.0));

        assertThatThrownBy(() -> new ReturnCovariance(List.of("A", "B", "C"), matrix))
                .isInstanceOf(InvalidFactException.class)
                .hasMessageStartingWith("ReturnCovariance.matrix: 'a matrix with a negative eigenvalue (pivot ")
                .hasMessageContaining("expected a positive semi-definite covariance");
    }

    @Test
    void refusesAnAsymmetricCovariance() {
        assertThatThrownBy(() -> new ReturnCovariance(List.of("A", "B"), List.of(List.of(1.0, 0.2), List.of(0.3, 1.0))))
                .isInstanceOf(InvalidFactException.class)
                .hasMessage("ReturnCovariance.matrix[1][0]: 0.3 is not accepted; expected the same value as "
                        + "matrix[0][1] (0.2): a covariance matrix is symmetric");
    }

    @Test
    void refusesAnInstrumentInAClusterNoLimitCaps() {
        PortfolioLimits limits = new PortfolioLimits(new BigDecimal("50000"), null, null, null, null,
                Map.of("L1-majors", new BigDecimal("0.3")), Map.of());

        assertThatThrownBy(() -> new AllocationProblem(
                List.of(AllocationCandidate.uncapped(BTC, new BigDecimal("0.01"))),
                List.of(new AllocationInstrument("BTC-USD", "L9-unknown", null, BigDecimal.TEN)), List.of(),
                BigDecimal.ZERO, new AccountTerms(new BigDecimal("100000"), new BigDecimal("50000"), BigDecimal.ZERO),
                limits, null, null))
                .isInstanceOf(InvalidFactException.class)
                .hasMessage("AllocationProblem.instruments[0].cluster: 'L9-unknown' is not accepted; expected a "
                        + "cluster the limits cap: one of [L1-majors] (limits.maxClusterShare)");
    }

    @Test
    void refusesRiskWithoutACovarianceForTheCandidate() {
        ObjectiveWeights risky = new ObjectiveWeights(new BigDecimal("0.01"), BigDecimal.ZERO, BigDecimal.ONE,
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

        assertThatThrownBy(() -> new AllocationProblem(List.of(AllocationCandidate.uncapped(BTC, new BigDecimal("0.01"))),
                List.of(), List.of(), BigDecimal.ZERO,
                new AccountTerms(new BigDecimal("100000"), new BigDecimal("50000"), BigDecimal.ZERO),
                PortfolioLimits.grossOnly(new BigDecimal("50000")), risky, ReturnCovariance.none()))
                .isInstanceOf(InvalidFactException.class)
                .hasMessage("AllocationProblem.candidates[0].proposal.symbol: 'BTC-USD' is not accepted; expected a "
                        + "symbol the covariance covers [] (objective.riskAversion > 0)");
    }

    @Test
    void sizesAroundTheMinimumNotionalAndExplainsTheCluster() {
        // cluster L1-majors capped at 30% of 100000 = 30000, 12000 already held: 18000 left = 0.30 BTC
        PortfolioLimits limits = new PortfolioLimits(new BigDecimal("100000"), null, null, BigDecimal.ONE, null,
                Map.of("L1-majors", new BigDecimal("0.30")), Map.of());
        AllocationProblem problem = new AllocationProblem(
                List.of(new AllocationCandidate(BTC, new BigDecimal("0.8"), new BigDecimal("0.01"), List.of("L1-MAX-ORDER-QTY"))),
                List.of(new AllocationInstrument("BTC-USD", "L1-majors", null, new BigDecimal("1200"))),
                List.of(new Holding("BTC-USD", new BigDecimal("12000"), BigDecimal.ZERO, BigDecimal.ZERO)),
                new BigDecimal("12000"), new AccountTerms(new BigDecimal("100000"), new BigDecimal("60000"), BigDecimal.ZERO),
                limits, null, null);

        Allocation allocation = new CapitalAllocator(AllocatorSettings.defaults()).allocate(problem);

        assertThat(allocation.orders().getFirst().quantity()).isEqualByComparingTo("0.30");
        assertThat(allocation.orders().getFirst().boundBy()).containsExactly("held at 0.3: one more lot of 0.01 would "
                + "take cluster L1-majors exposure to 30600.00, above its cap 30000.00 (30% of equity)");
        assertThat(allocation.justifications()).first().asString().startsWith("Expected return: ");
    }
}
