package dev.arbiter.engine.decision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.kb.fact.Account;
import dev.arbiter.kb.fact.TradingState;
import dev.arbiter.mlbridge.indicators.IndicatorFacts;
import dev.arbiter.reasoning.explain.PrologExplainer;
import dev.arbiter.reasoning.proof.LimitProver;
import dev.arbiter.reasoning.proof.ProofVerdict;
import dev.arbiter.rules.pack.LimitSet;
import dev.arbiter.rules.pack.ParameterSet;
import dev.arbiter.rules.pack.RuleSet;
import dev.arbiter.rules.pack.RuleSetCompiler;
import dev.arbiter.rules.pack.RuleSource;
import dev.arbiter.solver.AllocatedOrder;
import dev.arbiter.solver.Allocation;
import dev.arbiter.solver.AllocationCandidate;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When a rule or the proof says no, nothing goes out. */
class FailClosedTest {

    @Test
    void dailyLossRuleRejectsEveryProposal() {
        DecisionRequest example = ExampleRequests.example();
        Account losing = new Account("acct-1", new BigDecimal("100000"), new BigDecimal("60000"),
                new BigDecimal("104000"), new BigDecimal("-2500"), TradingState.ACTIVE);

        DecisionResult result;
        try (DecisionPipeline pipeline = DecisionPipeline.withShippedDefaults()) {
            result = pipeline.decide("dec-loss", withAccount(example, losing));
        }

        assertThat(result.decision().status()).isEqualTo(DecisionStatus.REJECTED);
        assertThat(result.decision().orders()).isEmpty();
        assertThat(result.decision().proposals()).allSatisfy(p -> {
            assertThat(p.status()).isEqualTo("REJECTED");
            assertThat(p.reasonCodes()).contains("L3-DAILY-LOSS");
        });
        assertThat(result.trace().outcomes()).filteredOn(o -> o.reason().code().equals("L3-DAILY-LOSS"))
                .hasSize(3)
                .allSatisfy(o -> assertThat(o.reason().message()).isEqualTo("daily loss 2500.00 reached the limit 2000.00"));
    }

    @Test
    void haltedAccountHaltsTheDecision() {
        Account halted = new Account("acct-1", new BigDecimal("100000"), new BigDecimal("60000"),
                new BigDecimal("104000"), BigDecimal.ZERO, TradingState.HALTED);

        DecisionResult result;
        try (DecisionPipeline pipeline = DecisionPipeline.withShippedDefaults()) {
            result = pipeline.decide("dec-halt", withAccount(ExampleRequests.example(), halted));
        }

        assertThat(result.decision().status()).isEqualTo(DecisionStatus.HALTED);
        assertThat(result.decision().orders()).isEmpty();
        assertThat(result.decision().proposals()).extracting(ProposalVerdict::status).containsOnly("HALTED");
    }

    @Test
    void proofFailureBlocksAHandBuiltAllocationThatBreaksGrossExposure() {
        // A faulty sizer that ignores the gross-exposure limit and sends every survivor at its cap:
        // 2 x 1692.84 = 3385.68 held (no working order) + 10 x 1693 + 5.90 x 1692.84 = 30303.436 > 25000.
        Sizer everythingAtItsCap = problem -> new Allocation(problem.candidates().stream()
                .map(FailClosedTest::atCap).toList(), "hand-built", true, "hand-built allocation");

        DecisionResult result;
        try (DecisionPipeline pipeline = new DecisionPipeline(new RuleSetCompiler().compile(RuleSet.shippedDefault()),
                LimitSet.shippedDefault(), ParameterSet.shippedDefault(), new IndicatorFacts(IndicatorFacts.DEFAULT_SET), everythingAtItsCap,
                new LimitProver(Duration.ofSeconds(1)), new PrologExplainer())) {
            result = pipeline.decide("dec-bad-sizer", ExampleRequests.example());
        }

        assertThat(result.decision().status()).isEqualTo(DecisionStatus.BLOCKED);
        assertThat(result.decision().orders()).isEmpty();
        assertThat(result.trace().proof().verdict()).isEqualTo(ProofVerdict.VIOLATED);
        // One instrument at one venue: gross exposure's 25000, the instrument's share, 25% of equity 100164.07 =
        // 25041.0175, and the venue's 22500 all bound it, so the proof names all three.
        assertThat(result.trace().proof().violations()).extracting(v -> v.limit())
                .containsExactlyInAnyOrder("gross-exposure", "instrument-share:ETH-USD", "venue-exposure:binance-us");
        assertThat(result.trace().proof().violations()).filteredOn(v -> v.limit().equals("venue-exposure:binance-us"))
                .singleElement().satisfies(v -> assertThat(v.detail()).contains("30303.436").contains("22500"));
        assertThat(result.trace().proof().violations()).filteredOn(v -> v.limit().equals("gross-exposure"))
                .singleElement().satisfies(v -> assertThat(v.detail()).contains("30303.436").contains("25000"));
        assertThat(result.trace().proof().violations()).filteredOn(v -> v.limit().equals("instrument-share:ETH-USD"))
                .singleElement().satisfies(v -> assertThat(v.detail()).contains("30303.436").contains("25041.0175"));
        assertThat(result.decision().summary()).contains("gross-exposure");
        // A failed proof blocks the whole decision; the rule outcomes stay on record.
        assertThat(result.decision().proposals()).extracting(ProposalVerdict::status).containsOnly("BLOCKED_BY_PROOF");
        assertThat(result.decision().proposals()).filteredOn(p -> p.proposalId().equals("i-2"))
                .singleElement().satisfies(p -> assertThat(p.reasonCodes()).containsExactly("L7-PRICE-COLLAR"));
    }

    @Test
    void tighterLimitChangesTheDecision() {
        LimitSet tight = LimitSet.shippedDefault().with("max-order-quantity", new BigDecimal("3"));

        DecisionResult result;
        try (DecisionPipeline pipeline = new DecisionPipeline(new RuleSetCompiler().compile(RuleSet.shippedDefault()),
                tight, ParameterSet.shippedDefault(), new IndicatorFacts(IndicatorFacts.DEFAULT_SET),
                new dev.arbiter.solver.CapitalAllocator(dev.arbiter.solver.AllocatorSettings.defaults())::allocate,
                new LimitProver(Duration.ofSeconds(1)), new PrologExplainer())) {
            result = pipeline.decide("dec-tight", ExampleRequests.example());
        }

        assertThat(result.decision().orders()).allSatisfy(o -> assertThat(o.quantity()).isLessThanOrEqualTo(new BigDecimal("3")));
        assertThat(result.decision().versions().limits()).isNotEqualTo(LimitSet.shippedDefault().version());
    }

    @Test
    void aRuleThatThrowsRejectsEveryProposalWithEngineFault() {
        List<RuleSource> sources = new java.util.ArrayList<>(RuleSet.shippedDefault().sources());
        sources.add(new RuleSource("l1-position/broken.drl", """
                package arbiter.risk.l1;
                import java.math.BigDecimal;
                import dev.arbiter.kb.fact.Proposal;
                import dev.arbiter.rules.dsl.Outcomes;
                rule "Divides by zero"
                    @layer("L1") @reasonCode("L1-DIVIDES")
                when
                    $p : Proposal(proposalId == "i-1")
                then
                    insert(Outcomes.cap(kcontext, $p, $p.quantity().divide(BigDecimal.ZERO), "never"));
                end
                """));

        DecisionResult result;
        try (DecisionPipeline pipeline = new DecisionPipeline(new RuleSetCompiler().compile(RuleSet.of("faulty", sources)),
                LimitSet.shippedDefault(), ParameterSet.shippedDefault(), new IndicatorFacts(IndicatorFacts.DEFAULT_SET),
                new dev.arbiter.solver.CapitalAllocator(dev.arbiter.solver.AllocatorSettings.defaults())::allocate,
                new LimitProver(Duration.ofSeconds(1)), new PrologExplainer())) {
            result = pipeline.decide("dec-fault", ExampleRequests.example());
        }

        assertThat(result.decision().status()).isEqualTo(DecisionStatus.REJECTED);
        assertThat(result.decision().orders()).isEmpty();
        assertThat(result.decision().summary())
                .startsWith("no order sent: the rule session failed in rule \"Divides by zero\": ArithmeticException");
        assertThat(result.decision().proposals()).allSatisfy(p -> {
            assertThat(p.status()).isEqualTo("REJECTED");
            assertThat(p.reasonCodes()).contains("ENGINE_FAULT");
        });
        assertThat(result.trace().sessionFault().rule()).isEqualTo("Divides by zero");
        assertThat(result.trace().firings()).isNotEmpty();
    }

    private static AllocatedOrder atCap(AllocationCandidate c) {
        BigDecimal quantity = c.maxQuantity();
        return new AllocatedOrder(c.proposal().proposalId(), c.proposal().symbol(), c.proposal().side(), quantity,
                c.proposal().price(), quantity.multiply(c.proposal().price()), List.of("hand-built"));
    }

    /** The example as the engine completed it, with another account fact (its market views and state kept). */
    private static DecisionRequest withAccount(DecisionRequest r, Account account) {
        return new DecisionRequest(r.requestId(), r.asOf(), account, r.positions(), r.openOrders(), r.instruments(),
                r.marketData(), r.predictions(), r.models(), r.intents(), r.context(), r.market(), r.state());
    }
}
