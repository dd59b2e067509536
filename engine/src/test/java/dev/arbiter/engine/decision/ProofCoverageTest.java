package dev.arbiter.engine.decision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.mlbridge.indicators.IndicatorFacts;
import dev.arbiter.reasoning.explain.PrologExplainer;
import dev.arbiter.reasoning.proof.LimitProver;
import dev.arbiter.reasoning.proof.ProofVerdict;
import dev.arbiter.rules.pack.LimitSet;
import dev.arbiter.rules.pack.ParameterSet;
import dev.arbiter.rules.pack.RuleSet;
import dev.arbiter.rules.pack.RuleSetCompiler;
import dev.arbiter.solver.AllocatedOrder;
import dev.arbiter.solver.Allocation;
import dev.arbiter.solver.AllocationCandidate;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The proof covers every hard limit the allocator sizes within, not only gross exposure: a faulty sizer
 * that keeps within gross exposure but breaks a portfolio limit is blocked, and the trace names the limit.
 */
class ProofCoverageTest {

    /** Gross and venue exposure out of the way, so that only the limit under test can break. */
    private static final LimitSet WIDE_GROSS = LimitSet.shippedDefault()
            .with("max-gross-exposure", new BigDecimal("1000000"))
            .with("max-venue-exposure", new BigDecimal("1000000"));

    @Test
    void blocksAnAllocationAboveTheInstrumentShareNamingThatLimit() {
        // ETH-USD held 2 x 1692.84 = 3385.68, plus 10 x 1693 + 5.90 x 1692.84 = 16930 + 9987.756 = 26917.756 from the two
        // orders: 30303.436 > 0.25 x equity 100164.07 = 25041.0175.
        DecisionResult result = decideWithEverythingAtItsCap(WIDE_GROSS, "dec-instrument-share");

        assertThat(result.decision().status()).isEqualTo(DecisionStatus.BLOCKED);
        assertThat(result.decision().orders()).isEmpty();
        assertThat(result.trace().proof().verdict()).isEqualTo(ProofVerdict.VIOLATED);
        assertThat(result.trace().proof().violations()).singleElement().satisfies(v -> {
            assertThat(v.limit()).isEqualTo("instrument-share:ETH-USD");
            assertThat(v.detail()).contains("30303.436").contains("25041.0175").contains("3385.68").contains("26917.756");
        });
        assertThat(result.decision().summary()).contains("instrument-share:ETH-USD");
    }

    @Test
    void blocksAnAllocationAboveTheVenueLimitNamingThatLimit() {
        // The same 30303.436, all at binance-us, ETH-USD's venue, under the shipped 22500 at one venue; the instrument's
        // share widened so that only the venue can break.
        LimitSet limits = LimitSet.shippedDefault().with("max-gross-exposure", new BigDecimal("1000000"))
                .with("max-instrument-share", BigDecimal.ONE);
        DecisionResult result = decideWithEverythingAtItsCap(limits, "dec-venue");

        assertThat(result.decision().status()).isEqualTo(DecisionStatus.BLOCKED);
        assertThat(result.trace().proof().violations()).singleElement().satisfies(v -> {
            assertThat(v.limit()).isEqualTo("venue-exposure:binance-us");
            assertThat(v.detail()).isEqualTo("venue binance-us exposure 30303.436 exceeds its cap 22500.00 "
                    + "(max-venue-exposure; held 3385.68 plus 26917.756 from 2 orders)");
        });
    }

    @Test
    void provesTheAllocatorsOwnSizesAgainstEveryPortfolioLimit() {
        DecisionResult result;
        try (DecisionPipeline pipeline = DecisionPipeline.withShippedDefaults()) {
            result = pipeline.decide("dec-covered", ExampleRequests.example());
        }

        assertThat(result.trace().proof().verdict()).isEqualTo(ProofVerdict.PROVED);
        assertThat(result.trace().proof().checkedLimits()).contains("net-exposure", "leverage",
                "instrument-share:ETH-USD", "cluster-share:majors", "position-quantity:ETH-USD", "venue-exposure:binance-us",
                "min-notional:i-1");
        assertThat(result.decision().orders()).isNotEmpty();
    }

    private static DecisionResult decideWithEverythingAtItsCap(LimitSet limits, String decisionId) {
        Sizer everythingAtItsCap = problem -> new Allocation(problem.candidates().stream()
                .map(ProofCoverageTest::atCap).toList(), "hand-built", true, "hand-built allocation");
        try (DecisionPipeline pipeline = new DecisionPipeline(new RuleSetCompiler().compile(RuleSet.shippedDefault()),
                limits, ParameterSet.shippedDefault(), new IndicatorFacts(IndicatorFacts.DEFAULT_SET),
                everythingAtItsCap, new LimitProver(Duration.ofSeconds(1)), new PrologExplainer())) {
            return pipeline.decide(decisionId, ExampleRequests.example());
        }
    }

    private static AllocatedOrder atCap(AllocationCandidate candidate) {
        return new AllocatedOrder(candidate.proposal().proposalId(), candidate.proposal().symbol(),
                candidate.proposal().side(), candidate.maxQuantity(), candidate.proposal().price(),
                candidate.maxQuantity().multiply(candidate.proposal().price()), List.of("hand-built"));
    }
}
