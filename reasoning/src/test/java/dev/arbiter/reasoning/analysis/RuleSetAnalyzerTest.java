package dev.arbiter.reasoning.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.kb.fact.Proposal;
import dev.arbiter.kb.outcome.Cap;
import dev.arbiter.kb.outcome.Halt;
import dev.arbiter.kb.outcome.Rejection;
import dev.arbiter.reasoning.analysis.AnalysisReport.InvariantResult;
import dev.arbiter.reasoning.analysis.AnalysisReport.Verdict;
import dev.arbiter.rules.pack.CompiledRuleSet;
import dev.arbiter.rules.pack.LimitSet;
import dev.arbiter.rules.pack.ParameterSet;
import dev.arbiter.rules.pack.RuleSet;
import dev.arbiter.rules.pack.RuleSetCompiler;
import dev.arbiter.rules.pack.RuleSource;
import dev.arbiter.rules.session.RuleSessionRunner;
import dev.arbiter.rules.session.SessionResult;
import dev.arbiter.rules.testing.RuleTestFiles;
import dev.arbiter.rules.testing.RuleTestReport;
import dev.arbiter.rules.testing.RuleTestRunner;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleSetAnalyzerTest {

    private static final String HEADER = """
            package arbiter.test;

            import dev.arbiter.kb.fact.Account;
            import dev.arbiter.kb.fact.Limit;
            import dev.arbiter.kb.fact.Proposal;
            import dev.arbiter.kb.fact.Side;
            import dev.arbiter.kb.fact.TradingState;
            import dev.arbiter.kb.outcome.HaltScope;
            import dev.arbiter.rules.dsl.Outcomes;

            """;

    /** Caps only buys: a sell worth more than max-order-value slips through. */
    private static final String LEAKY = HEADER + """
            rule "Order value above the maximum (buys only)"
                @layer("L7") @reasonCode("L7-MAX-ORDER-VALUE")
            when
                Limit(name == "max-order-value", $max : value)
                $p : Proposal(side == Side.BUY, notional > $max)
            then
                insert(Outcomes.reject(kcontext, $p, "order value above " + $max));
            end

            rule "Account is halted"
                @layer("L4") @reasonCode("L4-ACCOUNT-HALTED")
            when
                Account($accountId : accountId, state == TradingState.HALTED)
            then
                insert(Outcomes.halt(kcontext, HaltScope.ACCOUNT, $accountId, "halted"));
            end
            """;

    private static final LimitSet LIMITS = LimitSet.fromJson("test", """
            {"max-order-value": 50000, "max-order-quantity": 10}""");
    private static final ParameterSet NO_PARAMETERS = ParameterSet.fromJson("test", "{}");

    private final RuleSetAnalyzer analyzer = new RuleSetAnalyzer();

    private static RuleSet rules(String drl) {
        return RuleSet.of("test", List.of(new RuleSource("test.drl", drl)));
    }

    @Test
    void aDeadRuleAndAShadowedRuleAreFound() {
        AnalysisReport report = analyzer.analyze(rules(HEADER + """
                rule "Quantity above the maximum"
                    @layer("L1") @reasonCode("T-QTY")
                when
                    Limit(name == "max-order-quantity", $max : value)
                    $p : Proposal(quantity > $max)
                then
                    insert(Outcomes.reject(kcontext, $p, "too many"));
                end

                rule "Large buy above the maximum quantity"
                    @layer("L1") @reasonCode("T-QTY-BUY")
                when
                    Limit(name == "max-order-quantity", $max : value)
                    $p : Proposal(side == Side.BUY, quantity > $max, price > 100)
                then
                    insert(Outcomes.cap(kcontext, $p, $max, "too many"));
                end

                rule "Negative quantity"
                    @layer("L1") @reasonCode("T-NEGATIVE")
                when
                    $p : Proposal(quantity < 0)
                then
                    insert(Outcomes.reject(kcontext, $p, "negative"));
                end

                rule "Quantity above a limit nobody set"
                    @layer("L1") @reasonCode("T-UNSET")
                when
                    Limit(name == "max-unset-quantity", $max : value)
                    $p : Proposal(quantity > $max)
                then
                    insert(Outcomes.reject(kcontext, $p, "unset"));
                end
                """), LIMITS, NO_PARAMETERS, Invariants.none());

        assertThat(report.dead()).extracting(d -> d.rule().reasonCode()).containsExactlyInAnyOrder("T-NEGATIVE", "T-UNSET");
        assertThat(report.dead()).anySatisfy(d -> {
            assertThat(d.rule().reasonCode()).isEqualTo("T-NEGATIVE");
            assertThat(d.because()).singleElement().asString().contains("Proposal.quantity > 0");
        });
        assertThat(report.dead()).anySatisfy(d -> {
            assertThat(d.rule().reasonCode()).isEqualTo("T-UNSET");
            assertThat(d.because()).singleElement().asString().contains("limit max-unset-quantity is not in the limit set");
        });
        assertThat(report.shadowed()).singleElement().satisfies(s -> {
            assertThat(s.rule().reasonCode()).isEqualTo("T-QTY-BUY");
            assertThat(s.by().reasonCode()).isEqualTo("T-QTY");
        });
        assertThat(report.passes()).isFalse();
        assertThat(report.lines()).anyMatch(l -> l.startsWith("error: dead rule T-NEGATIVE"))
                .anyMatch(l -> l.startsWith("warning: shadowed rule T-QTY-BUY"));
    }

    @Test
    void aWeakerRuleDoesNotShadowAStrongerOne() {
        AnalysisReport report = analyzer.analyze(rules(HEADER + """
                rule "Flag large quantities"
                    @layer("L1") @reasonCode("T-FLAG")
                when
                    $p : Proposal(quantity > 1)
                then
                    insert(Outcomes.flag(kcontext, $p, "large"));
                end

                rule "Reject larger quantities"
                    @layer("L1") @reasonCode("T-REJECT")
                when
                    $p : Proposal(quantity > 5)
                then
                    insert(Outcomes.reject(kcontext, $p, "larger"));
                end
                """), LIMITS, NO_PARAMETERS, Invariants.none());
        assertThat(report.shadowed()).isEmpty();
        assertThat(report.dead()).isEmpty();
    }

    @Test
    void contradictoryLimitsAreReported() {
        LimitSet limits = LIMITS.with("min-order-value", new BigDecimal("60000")).with("max-order-quantity", BigDecimal.ZERO);
        AnalysisReport report = analyzer.analyze(rules(HEADER + """
                rule "Quantity above the maximum"
                    @layer("L1") @reasonCode("T-QTY")
                when
                    Limit(name == "max-order-quantity", $max : value)
                    $p : Proposal(quantity > $max)
                then
                    insert(Outcomes.cap(kcontext, $p, $max, "too many"));
                end
                """), limits, NO_PARAMETERS, Invariants.none());

        assertThat(report.limitConflicts()).anySatisfy(c -> {
            assertThat(c.limits()).containsExactly("min-order-value", "max-order-value");
            assertThat(c.detail()).isEqualTo("min-order-value 60000 is above max-order-value 50000");
        });
        assertThat(report.limitConflicts()).anySatisfy(c -> {
            assertThat(c.limits()).containsExactly("limit max-order-quantity = 0");
            assertThat(c.detail()).startsWith("no order could ever pass the analysed rules")
                    .contains("Proposal.quantity > 0");
        });
        assertThat(report.passes()).isFalse();
    }

    @Test
    void aLeakyRuleSetYieldsACounterexampleThatReallySlipsThrough(@TempDir Path pack) throws Exception {
        Invariants invariants = Invariants.parse("invariants.yaml", """
                invariants:
                  - name: max-order-value
                    description: no order worth more than max-order-value passes at its size
                    when: Proposal.notional > limit("max-order-value")
                    then: blocked
                  - name: halted-account
                    description: nothing passes while the account is HALTED
                    when: Account.state == TradingState.HALTED
                    then: rejected
                """);
        AnalysisReport report = analyzer.analyze(rules(LEAKY), LIMITS, NO_PARAMETERS, invariants);

        InvariantResult halted = report.invariants().get(1);
        assertThat(halted.verdict()).isEqualTo(Verdict.PROVED);
        InvariantResult leak = report.invariants().getFirst();
        assertThat(leak.verdict()).isEqualTo(Verdict.REFUTED);
        assertThat(leak.counterexample()).contains("side: SELL").contains("notFired: [L7-MAX-ORDER-VALUE, L4-ACCOUNT-HALTED]");

        // Paste the counterexample into a rule test of the leaky rule set and run it with the real rules.
        Files.writeString(pack.resolve("leaky.drl"), LEAKY);
        Files.writeString(pack.resolve("leak.test.yaml"), "cases:\n" + leak.counterexample());
        RuleSet ruleSet = RuleSet.fromDirectory("leaky", pack);
        CompiledRuleSet compiled = new RuleSetCompiler().compile(ruleSet);
        RuleTestFiles tests = RuleTestFiles.fromDirectory(pack);
        RuleTestReport testReport = new RuleTestRunner().run(compiled, LIMITS.facts(), tests);
        assertThat(testReport.results()).singleElement().satisfies(r -> assertThat(r.failures()).isEmpty());

        List<Object> facts = new ArrayList<>(LIMITS.facts());
        facts.addAll(tests.cases().getFirst().given());
        SessionResult session = new RuleSessionRunner().run(compiled, facts);
        Proposal order = facts.stream().filter(Proposal.class::isInstance).map(Proposal.class::cast).findFirst().orElseThrow();
        assertThat(order.notional()).isGreaterThan(LIMITS.require("max-order-value"));
        assertThat(session.outcomes()).noneMatch(o -> o instanceof Rejection || o instanceof Cap || o instanceof Halt);

        // ...and it is a book the engine could hold: equity above zero, the position worth quantity x mark.
        dev.arbiter.kb.fact.Account account = facts.stream().filter(dev.arbiter.kb.fact.Account.class::isInstance)
                .map(dev.arbiter.kb.fact.Account.class::cast).findFirst().orElseThrow();
        dev.arbiter.kb.fact.Exposure exposure = facts.stream().filter(dev.arbiter.kb.fact.Exposure.class::isInstance)
                .map(dev.arbiter.kb.fact.Exposure.class::cast).findFirst().orElseThrow();
        assertThat(account.equity()).isPositive();
        assertThat(exposure.positionNotional())
                .isEqualByComparingTo(exposure.positionQuantity().abs().multiply(exposure.markPrice()));
    }

    @Test
    void anInvariantOutsideTheSubsetIsInvalidNotProved() {
        AnalysisReport report = analyzer.analyze(rules(LEAKY), LIMITS, NO_PARAMETERS, Invariants.parse("inv", """
                invariants:
                  - name: unknown-field
                    when: Proposal.colour == 3
                    then: blocked
                  - name: unknown-limit
                    when: Proposal.quantity > limit("max-nothing")
                    then: blocked
                """));
        assertThat(report.invariants()).extracting(InvariantResult::verdict).containsOnly(Verdict.INVALID);
        assertThat(report.invariants().get(0).detail()).contains("Proposal has no field 'colour'");
        assertThat(report.invariants().get(1).detail()).contains("limit 'max-nothing' is not in the limit set");
        assertThat(report.passes()).isFalse();
    }

    @Test
    void aMalformedInvariantsFileNamesTheProblem() {
        assertThatThrownBy(() -> Invariants.parse("invariants.yaml", "invariants:\n  - name: x\n    when: a > 1\n    then: maybe\n"))
                .hasMessageContaining("then: 'maybe' is not accepted; expected blocked or rejected");
        assertThatThrownBy(() -> Invariants.parse("invariants.yaml", "invariants:\n  - name: x\n    then: blocked\n"))
                .hasMessageContaining("invariant 1 needs 'when:'");
    }
}
