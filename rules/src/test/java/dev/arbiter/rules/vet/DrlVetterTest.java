package dev.arbiter.rules.vet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.rules.pack.RuleCompilationException;
import dev.arbiter.rules.pack.RuleDiagnostic;
import dev.arbiter.rules.pack.RuleSet;
import dev.arbiter.rules.pack.RuleSetCompiler;
import dev.arbiter.rules.pack.RuleSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DrlVetterTest {

    private static final String HEADER = """
            package arbiter.test;
            import java.math.BigDecimal;
            import dev.arbiter.kb.fact.Proposal;
            import dev.arbiter.rules.dsl.Outcomes;

            """;                                          // 5 lines: the rule starts on line 6

    /** A rule whose consequence holds {@code line} on line 11 of the file. */
    private static String ruleDoing(String line) {
        return HEADER + """
                rule "Sneaky"
                    @layer("L1") @reasonCode("L1-SNEAKY")
                when
                    $p : Proposal()
                then
                    %s
                    insert(Outcomes.flag(kcontext, $p, "checked"));
                end
                """.formatted(line);
    }

    record Case(String name, String consequence, String forbidden, String why) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> forbiddenConsequences() {
        return List.of(
                new Case("file read via java.io.File", "java.io.File f = new java.io.File(\"/etc/passwd\");",
                        "java.io.File is not allowed in a rule", "a rule may not read or write files"),
                new Case("System.exit", "System.exit(1);",
                        "System.exit is not allowed in a rule", "a rule may not stop the engine"),
                new Case("fully-qualified java.lang.System.exit", "java.lang.System.exit(1);",
                        "System.exit is not allowed in a rule", "a rule may not stop the engine"),
                new Case("Runtime.exec", "Runtime.getRuntime().exec(\"rm -rf /\");",
                        "Runtime.getRuntime is not allowed in a rule", "a rule may not start programs"),
                new Case("Class.forName reflection", "var c = Class.forName(\"java.lang.Runtime\");",
                        "Class.forName is not allowed in a rule", "reflection"),
                new Case("getClass().getMethod reflection", "var m = $p.getClass().getMethod(\"notional\");",
                        "getClass is not allowed in a rule", "reflection"),
                new Case("modify of a matched fact", "modify($p) { setQuantity(BigDecimal.ONE) }",
                        "modify is not allowed in a rule", "never changes or removes the facts it matched"),
                new Case("update of a matched fact", "update($p);",
                        "update is not allowed in a rule", "would fire the rules again"),
                new Case("retract of a matched fact", "retract($p);",
                        "retract is not allowed in a rule", "never changes or removes"),
                new Case("while(true) loop", "while (true) { }",
                        "a while loop is not allowed in a rule", "a loop may never end"),
                new Case("for loop", "for (int i = 0; i < 10; i++) { }",
                        "a for loop is not allowed in a rule", "a loop may never end"),
                new Case("a thread", "new Thread(() -> {}).start();",
                        "Thread is not allowed in a rule", "threads"),
                new Case("kcontext used for anything but Outcomes", "kcontext.getKieRuntime().halt();",
                        "kcontext.getKieRuntime is not allowed in a rule", "may only pass it to Outcomes"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forbiddenConsequences")
    void forbiddenConsequenceIsRejectedNamingFileLineRuleAndWhy(Case c) {
        List<RuleDiagnostic> diagnostics = new DrlVetter().vet(new RuleSource("l1/sneaky.drl", ruleDoing(c.consequence())));

        assertThat(diagnostics).isNotEmpty();
        RuleDiagnostic first = diagnostics.getFirst();
        assertThat(first.file()).isEqualTo("l1/sneaky.drl");
        assertThat(first.line()).isEqualTo(11);
        assertThat(first.rule()).isEqualTo("Sneaky");
        assertThat(first.message()).startsWith(c.forbidden()).contains(c.why());
        assertThat(first.hint()).isNotBlank();
    }

    @Test
    void fileReadWithFilesReadStringIsRejectedAtTheImportAndTheCall() {
        String drl = ruleDoing("String secret = Files.readString(Path.of(\"/etc/passwd\"));")
                .replace("package arbiter.test;\n", "package arbiter.test;\nimport java.nio.file.Files;\nimport java.nio.file.Path;\n");

        List<RuleDiagnostic> diagnostics = new DrlVetter().vet(new RuleSource("l1/read.drl", drl));

        assertThat(diagnostics).extracting(RuleDiagnostic::toString).contains(
                "l1/read.drl:2: import java.nio.file.Files is not allowed in a rule: a rule may not read or write files. "
                        + "Hint: put the value in limits.json or parameters.json and match it with Limit(name == \"...\") "
                        + "or Parameter(name == \"...\")");
        assertThat(diagnostics).anySatisfy(d -> {
            assertThat(d.line()).isEqualTo(13);
            assertThat(d.rule()).isEqualTo("Sneaky");
            assertThat(d.message()).startsWith("java.nio.file.Files.readString is not allowed in a rule: a rule may not read or write files");
        });
    }

    @Test
    void forbiddenCallInsideAFunctionIsRejectedNamingTheFunction() {
        String drl = HEADER + """
                function int leak(int x) {
                    System.exit(x);
                    return x;
                }
                """;

        List<RuleDiagnostic> diagnostics = new DrlVetter().vet(new RuleSource("l1/fn.drl", drl));

        assertThat(diagnostics).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(7);
            assertThat(d.rule()).isEqualTo("function leak");
            assertThat(d.message()).isEqualTo("System.exit is not allowed in a rule: a rule may not stop the engine");
        });
    }

    @Test
    void recursiveFunctionIsRejected() {
        String drl = HEADER + """
                function int forever(int x) {
                    return forever(x + 1);
                }
                """;

        assertThat(new DrlVetter().vet(new RuleSource("l1/fn.drl", drl))).singleElement()
                .satisfies(d -> assertThat(d.toString()).startsWith("l1/fn.drl:6 function forever: calling forever from itself is not allowed"));
    }

    @Test
    void forbiddenCallInsideAnEvalOrAConstraintIsRejected() {
        String drl = HEADER + """
                rule "Evil eval"
                    @layer("L1") @reasonCode("L1-EVIL")
                when
                    $p : Proposal()
                    eval(java.lang.Runtime.getRuntime().availableProcessors() > 0)
                    Proposal(quantity > 0, System.currentTimeMillis() > 0)
                then
                end
                """;

        assertThat(new DrlVetter().vet(new RuleSource("l1/eval.drl", drl)))
                .extracting(RuleDiagnostic::line, RuleDiagnostic::rule, d -> d.message().substring(0, d.message().indexOf(':')))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(10, "Evil eval", "Runtime.getRuntime is not allowed in a rule"),
                        org.assertj.core.groups.Tuple.tuple(11, "Evil eval", "System.currentTimeMillis is not allowed in a rule"));
    }

    @Test
    void globalsAreRejected() {
        String drl = HEADER + "global java.util.List audit;\n";

        assertThat(new DrlVetter().vet(new RuleSource("l1/g.drl", drl))).singleElement()
                .satisfies(d -> assertThat(d.toString()).startsWith("l1/g.drl:6: global java.util.List audit is not allowed in a rule"));
    }

    @Test
    void shippedRuleSetVetsClean() {
        assertThat(new DrlVetter().vet(RuleSet.shippedDefault())).isEmpty();
    }

    @Test
    void forbiddenRuleIsRefusedBeforeDroolsCompilesItAndNothingRuns(@org.junit.jupiter.api.io.TempDir Path dir) {
        Path marker = dir.resolve("written");
        RuleSet evil = RuleSet.of("evil", List.of(new RuleSource("l1/evil.drl",
                ruleDoing("java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + marker + "\"), \"x\");"))));

        assertThatThrownBy(() -> new RuleSetCompiler().compile(evil))
                .isInstanceOf(RuleCompilationException.class)
                .hasMessageContaining("rule set 'evil' does not compile:")
                .hasMessageContaining("l1/evil.drl:11 rule \"Sneaky\": java.nio.file.Files.writeString is not allowed in a rule: "
                        + "a rule may not read or write files");
        assertThat(Files.exists(marker)).isFalse();
    }
}
