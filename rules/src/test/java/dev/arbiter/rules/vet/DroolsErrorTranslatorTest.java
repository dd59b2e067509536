package dev.arbiter.rules.vet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.arbiter.rules.pack.RuleCompilationException;
import dev.arbiter.rules.pack.RuleDiagnostic;
import dev.arbiter.rules.pack.RuleSet;
import dev.arbiter.rules.pack.RuleSetCompiler;
import dev.arbiter.rules.pack.RuleSource;
import java.util.List;
import org.junit.jupiter.api.Test;

class DroolsErrorTranslatorTest {

    private static final String HEADER = """
            package arbiter.test;
            import dev.arbiter.kb.fact.Proposal;
            import dev.arbiter.rules.dsl.Outcomes;

            """;

    private static List<RuleDiagnostic> compile(String drl) {
        RuleSet set = RuleSet.of("t", List.of(new RuleSource("l1/t.drl", HEADER + drl)));
        return catchThrowableOfType(RuleCompilationException.class, () -> new RuleSetCompiler().compile(set)).diagnostics();
    }

    @Test
    void consequenceErrorIsReportedAtItsOwnLineNotTheRulesFirst() {
        List<RuleDiagnostic> diagnostics = compile("""
                rule "Bad consequence"
                    @layer("L1") @reasonCode("L1-BAD")
                when
                    $p : Proposal()
                then
                    String note = "checked";

                    insert(Outcomes.flag(kcontext, $p, note, 3));
                end
                """);

        assertThat(diagnostics).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(12);
            assertThat(d.rule()).isEqualTo("Bad consequence");
            assertThat(d.message()).startsWith("the consequence does not compile: The method flag(");
            assertThat(d.hint()).contains("number and the types of its arguments");
        });
    }

    @Test
    void unknownFieldListsTheValidFields() {
        List<RuleDiagnostic> diagnostics = compile("""
                rule "Typo"
                    @layer("L1") @reasonCode("L1-TYPO")
                when
                    $p : Proposal(qty > 5)
                then
                end
                """);

        assertThat(diagnostics).singleElement().satisfies(d -> {
            assertThat(d.toString()).isEqualTo("l1/t.drl:8 rule \"Typo\": Proposal has no field 'qty'. Hint: The fields "
                    + "of Proposal are proposalId, accountId, symbol, side, quantity, price, conviction, origin, models");
        });
    }

    @Test
    void unknownFactTypeListsTheFactTypesAndDropsFollowOnErrors() {
        List<RuleDiagnostic> diagnostics = compile("""
                rule "Typo"
                    @layer("L1") @reasonCode("L1-TYPO")
                when
                    $p : Proposl(quantity > 5)
                then
                    insert(Outcomes.flag(kcontext, $p, "x"));
                end
                """);

        assertThat(diagnostics).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(8);
            assertThat(d.message()).isEqualTo("'Proposl' is not a fact type");
            assertThat(d.hint()).startsWith("did you mean Proposal? The fact types are Account, ")
                    .contains("OrderIntent", "Proposal", "Rejection");
        });
    }

    @Test
    void syntaxErrorNamesTheRuleAndDropsTheNullPackageError() {
        List<RuleDiagnostic> diagnostics = compile("""
                rule "Broken"
                    @layer("L1") @reasonCode("L1-BROKEN")
                when
                    $p : Proposal(quantity >
                then
                end
                """);

        assertThat(diagnostics).singleElement().satisfies(d -> {
            assertThat(d.rule()).as(d.toString()).isEqualTo("Broken");
            assertThat(d.line()).isBetween(8, 10);
            assertThat(d.message()).startsWith("syntax error: ").doesNotContain("[ERR");
            assertThat(d.hint()).contains("unclosed '('");
        });
    }
}
