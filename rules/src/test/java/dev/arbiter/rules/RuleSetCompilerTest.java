package dev.arbiter.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.rules.pack.CompiledRuleSet;
import dev.arbiter.rules.pack.LimitSet;
import dev.arbiter.rules.pack.RuleCompilationException;
import dev.arbiter.rules.pack.RuleDiagnostic;
import dev.arbiter.rules.pack.RuleSet;
import dev.arbiter.rules.pack.RuleSetCompiler;
import dev.arbiter.rules.pack.RuleSource;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleSetCompilerTest {

    private final RuleSetCompiler compiler = new RuleSetCompiler();

    @Test
    void shippedRuleSetCompilesWithEveryLayer() {
        CompiledRuleSet compiled = RuleFixtures.DEFAULT_RULES;

        assertThat(compiled.version()).matches("rs-[0-9a-f]{12}");
        assertThat(compiled.ruleSet().sources()).extracting(RuleSource::path)
                .anyMatch(p -> p.startsWith("l1-position/"))
                .anyMatch(p -> p.startsWith("l7-compliance/"))
                .anyMatch(p -> p.startsWith("strategy/"));
        assertThat(compiled.rules().values()).extracting(m -> m.layer().code())
                .contains("S", "L1", "L2", "L3", "L4", "L5", "L6", "L7");
    }

    @Test
    void sameFilesGiveTheSameVersionAndAnEditChangesIt() {
        RuleSet shipped = RuleSet.shippedDefault();
        List<RuleSource> edited = shipped.sources().stream()
                .map(s -> new RuleSource(s.path(), s.drl().replace("> $max", ">= $max")))
                .toList();

        assertThat(RuleSet.shippedDefault().version()).isEqualTo(shipped.version());
        assertThat(RuleSet.of("edited", edited).version()).isNotEqualTo(shipped.version());
    }

    @Test
    void syntaxErrorNamesTheFileAndLine() {
        RuleSet broken = RuleSet.of("broken", List.of(new RuleSource("l1/broken.drl", """
                package arbiter.test;
                import dev.arbiter.kb.fact.Proposal;

                rule "Broken"
                    @layer("L1") @reasonCode("L1-BROKEN")
                when
                    $p : Proposal(quantity >
                then
                end
                """)));

        assertThatThrownBy(() -> compiler.compile(broken))
                .isInstanceOf(RuleCompilationException.class)
                .satisfies(e -> assertThat(((RuleCompilationException) e).diagnostics())
                        .isNotEmpty()
                        .allSatisfy(d -> assertThat(d.file()).isEqualTo("l1/broken.drl"))
                        .extracting(RuleDiagnostic::line).allMatch(line -> line >= 7))
                .hasMessageNotContaining("Parser returned a null Package");
    }

    @Test
    void ruleWithoutReasonCodeOrWithUnknownLayerIsRefused() {
        RuleSet noCode = RuleSet.of("no-code", List.of(new RuleSource("l1/no-code.drl", """
                package arbiter.test;
                import dev.arbiter.kb.fact.Proposal;
                rule "No code"
                    @layer("L9")
                when
                    Proposal()
                then
                end
                """)));

        assertThatThrownBy(() -> compiler.compile(noCode))
                .isInstanceOf(RuleCompilationException.class)
                .hasMessageContaining("l1/no-code.drl:3 rule \"No code\": @layer 'L9' is not accepted; expected one of STRATEGY, L1");
    }

    @Test
    void limitsFileRejectsNonNumbersAndBadNames() {
        assertThatThrownBy(() -> LimitSet.fromJson("t", "{\"max-order-quantity\": \"ten\"}"))
                .hasMessageContaining("Limit.max-order-quantity: '\"ten\"' is not accepted; expected a number");
        assertThatThrownBy(() -> LimitSet.fromJson("t", "{\"Max Qty\": 1}"))
                .hasMessageContaining("Limit.name: 'Max Qty' is not accepted");
        assertThatThrownBy(() -> LimitSet.fromJson("t", "[1]"))
                .hasMessageContaining("must be a JSON object");
        assertThat(LimitSet.shippedDefault().require("max-gross-exposure")).isEqualByComparingTo(new BigDecimal("25000"));
    }

    @Test
    void severityIsReadFromTheRuleHeaderAndDefaultsToMedium() {
        assertThat(RuleFixtures.DEFAULT_RULES.rules().values())
                .filteredOn(m -> m.reasonCode().equals("L7-KILL-SWITCH")).singleElement()
                .satisfies(m -> assertThat(m.severity()).isEqualTo(dev.arbiter.rules.pack.Severity.CRITICAL));
        assertThat(RuleFixtures.DEFAULT_RULES.rules().values())
                .filteredOn(m -> m.reasonCode().equals("L7-PRICE-COLLAR")).singleElement()
                .satisfies(m -> assertThat(m.severity()).isEqualTo(dev.arbiter.rules.pack.Severity.MEDIUM));
    }

    @Test
    void unknownSeverityAndTheEngineLayerAreRefused() {
        RuleSet bad = RuleSet.of("bad", List.of(new RuleSource("l1/bad.drl", """
                package arbiter.test;
                import dev.arbiter.kb.fact.Proposal;
                rule "Loud"
                    @layer("L1") @reasonCode("L1-LOUD") @severity("SEVERE")
                when
                    Proposal()
                then
                end

                rule "Pretends to be the engine"
                    @layer("ENGINE") @reasonCode("E-FAKE")
                when
                    Proposal()
                then
                end
                """)));

        assertThatThrownBy(() -> compiler.compile(bad))
                .isInstanceOf(RuleCompilationException.class)
                .hasMessageContaining("rule \"Loud\": @severity 'SEVERE' is not accepted; expected one of [LOW, MEDIUM, HIGH, CRITICAL]")
                .hasMessageContaining("rule \"Pretends to be the engine\": @layer(\"ENGINE\") is reserved for the engine's own faults");
    }
}
