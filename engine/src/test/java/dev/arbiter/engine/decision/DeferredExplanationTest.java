package dev.arbiter.engine.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.engine.json.CanonicalJson;
import dev.arbiter.kb.fact.Account;
import dev.arbiter.kb.fact.TradingState;
import dev.arbiter.reasoning.explain.Explanation;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A decision acknowledged before it is explained is the same decision, and its explanation, worked out later from the
 * stored trace alone, is word for word the one given when both are done at once.
 */
class DeferredExplanationTest {

    private static DecisionPipeline decisions;
    private static DecisionPipeline checks;

    @BeforeAll
    static void pipelines() {
        decisions = DecisionPipeline.withShippedDefaults();
        checks = DecisionPipeline.preTradeChecks(decisions.active(), new dev.arbiter.mlbridge.model.ModelRegistry(
                DecisionPipeline.DEFAULT_MODEL_REGISTRY));
    }

    @AfterAll
    static void close() {
        decisions.close();
        checks.close();
    }

    /** The example as a decision and as a check, and with accounts that lose, halt: every status the example reaches. */
    private record Case(String name, DecisionPipeline pipeline, UnaryOperator<DecisionRequest> request) {
    }

    private static List<Case> cases() {
        Account losing = new Account("acct-1", new BigDecimal("100000"), new BigDecimal("60000"),
                new BigDecimal("104000"), new BigDecimal("-2500"), TradingState.ACTIVE);
        Account halted = new Account("acct-1", new BigDecimal("100000"), new BigDecimal("60000"),
                new BigDecimal("104000"), BigDecimal.ZERO, TradingState.HALTED);
        return List.of(
                new Case("example decision", decisions, r -> r),
                new Case("example check", checks, r -> r),
                new Case("daily loss reached", decisions, r -> withAccount(r, losing)),
                new Case("account halted", decisions, r -> withAccount(r, halted)));
    }

    @Test
    void explainsAfterTheAcknowledgementWordForWordAsAtOnce() {
        for (Case c : cases()) {
            DecisionRequest request = c.request().apply(ExampleRequests.example());
            RuleRelease release = c.pipeline().active();

            DecisionResult atOnce = c.pipeline().decide("dec-1", request, release, ExplanationTiming.WITH_DECISION);
            DecisionResult acknowledged = c.pipeline().decide("dec-1", request, release,
                    ExplanationTiming.AFTER_ACKNOWLEDGEMENT);
            // stored, then read back: the explanation is worked out from the stored trace alone
            DecisionTrace stored = CanonicalJson.mapper().readValue(CanonicalJson.write(acknowledged.trace()),
                    DecisionTrace.class);
            DecisionResult later = acknowledged.explained(c.pipeline().explain(stored));

            assertThat(acknowledged.explained()).as(c.name()).isFalse();
            assertThat(acknowledged.decision().status()).as(c.name()).isEqualTo(atOnce.decision().status());
            assertThat(acknowledged.decision().orders()).as(c.name()).isEqualTo(atOnce.decision().orders());
            assertThat(acknowledged.decision().proposals()).as(c.name())
                    .extracting(ProposalVerdict::proposalId, ProposalVerdict::status)
                    .isEqualTo(atOnce.decision().proposals().stream()
                            .map(p -> org.assertj.core.groups.Tuple.tuple(p.proposalId(), p.status())).toList());
            assertThat(later.explained()).as(c.name()).isTrue();
            assertThat(later.decision()).as(c.name()).isEqualTo(atOnce.decision());
            assertThat(later.trace().explanations()).as(c.name()).isEqualTo(atOnce.trace().explanations());
            assertThat(CanonicalJson.write(later.decision())).as(c.name())
                    .isEqualTo(CanonicalJson.write(atOnce.decision()));
        }
    }

    @Test
    void theAcknowledgedDecisionCarriesNoExplanationInItsJson() {
        DecisionResult acknowledged = decisions.decide("dec-1", ExampleRequests.example(), decisions.active(),
                ExplanationTiming.AFTER_ACKNOWLEDGEMENT);

        assertThat(CanonicalJson.write(acknowledged.decision())).doesNotContain("\"explanation\"");
        assertThat(CanonicalJson.write(acknowledged.trace())).doesNotContain("\"explanations\"");
        assertThat(acknowledged.decision().proposals()).extracting(ProposalVerdict::status)
                .containsExactlyInAnyOrder("CAPPED", "REJECTED", "CAPPED");
    }

    @Test
    void explanationsOfAnotherDecisionAreRefused() {
        DecisionResult acknowledged = decisions.decide("dec-1", ExampleRequests.example(), decisions.active(),
                ExplanationTiming.AFTER_ACKNOWLEDGEMENT);
        List<Explanation> halted = decisions.explain(decisions.decide("dec-2", withAccount(ExampleRequests.example(),
                new Account("acct-1", new BigDecimal("100000"), new BigDecimal("60000"), new BigDecimal("104000"),
                        BigDecimal.ZERO, TradingState.HALTED)), decisions.active(),
                ExplanationTiming.AFTER_ACKNOWLEDGEMENT).trace());

        assertThatThrownBy(() -> acknowledged.explained(halted))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("decision dec-1: explanation 0 is of")
                .hasMessageContaining("HALTED");
    }

    private static DecisionRequest withAccount(DecisionRequest r, Account account) {
        return new DecisionRequest(r.requestId(), r.asOf(), account, r.positions(), r.openOrders(), r.instruments(),
                r.marketData(), r.predictions(), r.models(), r.intents(), r.context(), r.market(), r.state());
    }
}
