package dev.arbiter.rules.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.kb.fact.OrderIntent;
import dev.arbiter.kb.fact.Side;
import dev.arbiter.kb.outcome.Layer;
import dev.arbiter.kb.outcome.Rejection;
import dev.arbiter.rules.pack.CompiledRuleSet;
import dev.arbiter.rules.pack.RuleSet;
import dev.arbiter.rules.pack.RuleSetCompiler;
import dev.arbiter.rules.pack.RuleSource;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A rule that throws, loops or runs too long rejects every proposal with ENGINE_FAULT, and the trace stays. */
class FailClosedSessionTest {

    private static final String HEADER = """
            package arbiter.test;
            import java.math.BigDecimal;
            import dev.arbiter.kb.fact.OrderIntent;
            import dev.arbiter.kb.fact.Proposal;
            import dev.arbiter.kb.outcome.Flag;
            import dev.arbiter.rules.dsl.Outcomes;

            rule "Intent becomes a proposal"
                @layer("STRATEGY") @reasonCode("S-INTENT")
            when
                $i : OrderIntent()
            then
                insert(Outcomes.fromIntent($i));
            end
            """;

    private static final List<Object> TWO_INTENTS = List.of(intent("i-1"), intent("i-2"));

    @Test
    void aRuleThatThrowsRejectsEveryProposalNamingTheRule() {
        CompiledRuleSet rules = compile("""
                rule "Divides by zero"
                    @layer("L1") @reasonCode("L1-DIVIDES")
                when
                    $p : Proposal(proposalId == "i-1")
                then
                    insert(Outcomes.cap(kcontext, $p, $p.quantity().divide(BigDecimal.ZERO), "never"));
                end
                """);

        SessionResult result = new RuleSessionRunner().run(rules, TWO_INTENTS);

        assertThat(result.fault()).isNotNull();
        assertThat(result.fault().kind()).isEqualTo(SessionFault.Kind.RULE_EXCEPTION);
        assertThat(result.fault().rule()).isEqualTo("Divides by zero");
        assertThat(result.proposals()).extracting(p -> p.proposalId()).containsExactlyInAnyOrder("i-1", "i-2");
        assertThat(result.outcomes()).filteredOn(o -> o.reason().code().equals(RuleSessionRunner.ENGINE_FAULT))
                .hasSize(2)
                .allSatisfy(o -> {
                    assertThat(o).isInstanceOf(Rejection.class);
                    assertThat(o.reason().layer()).isEqualTo(Layer.ENGINE);
                    assertThat(o.reason().rule()).isEqualTo("Divides by zero");
                    assertThat(o.reason().message()).isEqualTo("the rule session failed in rule \"Divides by zero\": "
                            + "ArithmeticException: Division by zero; no order goes out");
                });
        assertThat(result.firings()).extracting(Firing::reasonCode).contains("S-INTENT");
    }

    @Test
    void aRuleThatKeepsRetriggeringItselfIsStoppedAtTheFiringBound() {
        CompiledRuleSet rules = compile(ECHO);

        SessionResult result = new RuleSessionRunner(200, Duration.ofSeconds(10)).run(rules, TWO_INTENTS);

        assertThat(result.fault().kind()).isEqualTo(SessionFault.Kind.TOO_MANY_FIRINGS);
        assertThat(result.fault().rule()).isEqualTo("Flags its own flag");
        assertThat(result.fault().message()).contains("more than 200 firings");
        assertThat(result.outcomes()).filteredOn(o -> o.reason().code().equals(RuleSessionRunner.ENGINE_FAULT)).hasSize(2);
        assertThat(result.firings()).hasSizeGreaterThan(200);
    }

    @Test
    void aSessionPastItsDeadlineIsHalted() {
        CompiledRuleSet rules = compile(ECHO);

        SessionResult result = new RuleSessionRunner(Integer.MAX_VALUE - 1, Duration.ofMillis(50)).run(rules, TWO_INTENTS);

        assertThat(result.fault().kind()).isEqualTo(SessionFault.Kind.DEADLINE);
        assertThat(result.fault().message()).contains("ran past its deadline").contains("50 ms");
        assertThat(result.outcomes()).filteredOn(o -> o.reason().code().equals(RuleSessionRunner.ENGINE_FAULT)).hasSize(2);
    }

    @Test
    void aHealthySessionHasNoFault() {
        SessionResult result = new RuleSessionRunner().run(compile(""), TWO_INTENTS);

        assertThat(result.fault()).isNull();
        assertThat(result.outcomes()).isEmpty();
    }

    @Test
    void boundsMustBePositive() {
        assertThatThrownBy(() -> new RuleSessionRunner(0, Duration.ofSeconds(1)))
                .hasMessage("maxFirings: 0 is not accepted; expected >= 1");
        assertThatThrownBy(() -> new RuleSessionRunner(10, Duration.ZERO))
                .hasMessage("deadline: PT0S is not accepted; expected a positive duration");
    }

    private static final String ECHO = """
            rule "Flags every proposal"
                @layer("L1") @reasonCode("L1-FLAG")
            when
                $p : Proposal()
            then
                insert(Outcomes.flag(kcontext, $p, "first"));
            end

            rule "Flags its own flag"
                @layer("L1") @reasonCode("L1-ECHO")
            when
                Flag($id : proposalId)
                $p : Proposal(proposalId == $id)
            then
                insert(Outcomes.flag(kcontext, $p, "again"));
            end
            """;

    private static CompiledRuleSet compile(String rules) {
        return new RuleSetCompiler().compile(RuleSet.of("test", List.of(new RuleSource("test.drl", HEADER + rules))));
    }

    private static OrderIntent intent(String id) {
        return new OrderIntent(id, "acct-1", "ETH-USD", Side.BUY, BigDecimal.ONE, new BigDecimal("1630"), null, "s", 0.5);
    }
}
