package dev.arbiter.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesCommandTest {

    private static final Path SHIPPED = Path.of("..", "rules", "src", "main", "resources", "rulepacks", "default");

    @Test
    void shippedRuleSetChecksClean() {
        CliOutput out = CliOutput.of(() -> ArbiterCli.execute("rules", "check", SHIPPED.toString()));

        assertThat(out.exitCode()).as(out.stderr()).isZero();
        assertThat(out.stdout()).matches("(?s)ok: \\d+ rules in \\d+ files, version rs-[0-9a-f]{12}\\s*\n"
                + "instruments: 17 listed, version ins-[0-9a-f]{12}\n"
                + "analysis of rule set rs-[0-9a-f]{12}: \\d+ rules analysed, \\d+ not analysed, in \\d+ ms\n.*");
        assertThat(out.stdout()).contains("proved: invariant halted-account (nothing passes while the account is HALTED")
                .contains("not analysed: L3-FREE-BALANCE").doesNotContain("error:");
    }

    @Test
    void aKnowledgeBaseFileThatIsNotPrologFailsTheCheckNamingFileAndLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("ok.drl"), """
                package arbiter.test;
                import dev.arbiter.kb.fact.Proposal;
                import dev.arbiter.rules.dsl.Outcomes;

                rule "Large order"
                    @layer("L1") @reasonCode("L1-LARGE")
                when
                    $p : Proposal(quantity > 100)
                then
                    insert(Outcomes.reject(kcontext, $p, "large"));
                end
                """);
        Files.createDirectories(dir.resolve("kb"));
        Files.writeString(dir.resolve("kb/venues.pl"), "venue(kraken, us).\nvenue(Kraken Europe, ie).\n");

        CliOutput out = CliOutput.of(() -> ArbiterCli.execute("rules", "check", dir.toString()));

        assertThat(out.exitCode()).isEqualTo(1);
        assertThat(out.stderr()).contains("kb/venues.pl line 2 is not valid Prolog");

        Files.writeString(dir.resolve("kb/venues.pl"), "venue(kraken, us).\nvenue('Kraken Europe', ie).\n");
        CliOutput fixed = CliOutput.of(() -> ArbiterCli.execute("rules", "check", dir.toString()));
        assertThat(fixed.exitCode()).as(fixed.stderr()).isZero();
        assertThat(fixed.stdout()).contains("knowledge base: 4 Prolog files");
    }

    @Test
    void anInstrumentsFileTheLifecycleWouldRefuseFailsCheckAndTestNamingEntryFieldAndValue(@TempDir Path dir)
            throws Exception {
        Files.writeString(dir.resolve("ok.drl"), """
                package arbiter.test;
                import dev.arbiter.kb.fact.Proposal;
                import dev.arbiter.rules.dsl.Outcomes;

                rule "Large order"
                    @layer("L1") @reasonCode("L1-LARGE")
                when
                    $p : Proposal(quantity > 100)
                then
                    insert(Outcomes.reject(kcontext, $p, "large"));
                end
                """);
        Files.writeString(dir.resolve("instruments.json"), """
                [{"symbol": "ETH-USD", "venue": "binance-us", "cluster": "majors", "sector": "smart-contract-platform",
                  "tickSize": 0.01, "lotSize": 0.01, "minNotional": 10, "maxNotional": 5}]
                """);

        CliOutput check = CliOutput.of(() -> ArbiterCli.execute("rules", "check", dir.toString()));
        CliOutput test = CliOutput.of(() -> ArbiterCli.execute("rules", "test", dir.toString()));

        String expected = "instruments.json' [0] (ETH-USD).maxNotional: 5 is not accepted; expected a number >= "
                + "minNotional (10)";
        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.stderr()).contains(expected);
        assertThat(test.exitCode()).isEqualTo(1);
        assertThat(test.stderr()).contains(expected);
    }

    @Test
    void leakyRuleSetFailsTheAnalysisWithACounterexample(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("limits.json"), "{\"max-order-value\": 50000}");
        Files.writeString(dir.resolve("invariants.yaml"), """
                invariants:
                  - name: max-order-value
                    when: Proposal.notional > limit("max-order-value")
                    then: blocked
                """);
        Files.writeString(dir.resolve("value.drl"), """
                package arbiter.test;
                import dev.arbiter.kb.fact.Limit;
                import dev.arbiter.kb.fact.Proposal;
                import dev.arbiter.kb.fact.Side;
                import dev.arbiter.rules.dsl.Outcomes;

                rule "Order value above the maximum (buys only)"
                    @layer("L7") @reasonCode("L7-MAX-ORDER-VALUE")
                when
                    Limit(name == "max-order-value", $max : value)
                    $p : Proposal(side == Side.BUY, notional > $max)
                then
                    insert(Outcomes.reject(kcontext, $p, "order value above " + $max));
                end
                """);

        CliOutput out = CliOutput.of(() -> ArbiterCli.execute("rules", "check", dir.toString()));

        assertThat(out.exitCode()).isEqualTo(1);
        assertThat(out.stdout()).contains("error: invariant max-order-value is refuted")
                .contains("counterexample, as a rule-test case:").contains("side: SELL")
                .contains("notFired: [L7-MAX-ORDER-VALUE]");
        assertThat(out.stderr()).contains("fails the analysis: 0 dead rules, 0 limit contradictions, 1 invariants not proved");
    }

    @Test
    void ruleThatStopsTheJvmExitsOneNamingFileLineAndRule(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("l1"));
        Files.writeString(dir.resolve("l1/exit.drl"), """
                package arbiter.test;
                import dev.arbiter.kb.fact.Proposal;

                rule "Stop everything"
                    @layer("L1") @reasonCode("L1-STOP")
                when
                    $p : Proposal()
                then
                    System.exit(1);
                end
                """);

        CliOutput out = CliOutput.of(() -> ArbiterCli.execute("rules", "check", dir.toString()));

        assertThat(out.exitCode()).isEqualTo(1);
        assertThat(out.stderr()).contains("l1/exit.drl:9 rule \"Stop everything\": System.exit is not allowed in a rule: "
                + "a rule may not stop the engine. Hint: ");
        assertThat(out.stdout()).isEmpty();
    }

    @Test
    void brokenRuleExitsOneWithTheDiagnostic(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("broken.drl"), """
                package arbiter.test;
                import dev.arbiter.kb.fact.Proposal;

                rule "Typo"
                    @layer("L1") @reasonCode("L1-TYPO")
                when
                    $p : Proposal(qty > 5)
                then
                end
                """);

        CliOutput out = CliOutput.of(() -> ArbiterCli.execute("rules", "check", dir.toString()));

        assertThat(out.exitCode()).isEqualTo(1);
        assertThat(out.stderr()).contains("broken.drl:7 rule \"Typo\": Proposal has no field 'qty'. Hint: The fields of Proposal are");
    }

    @Test
    void missingDirectoryIsABadArgument() {
        CliOutput missing = CliOutput.of(() -> ArbiterCli.execute("rules", "check", "no/such/dir"));
        CliOutput none = CliOutput.of(() -> ArbiterCli.execute("rules"));

        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.stderr()).contains("no/such/dir is not a directory");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.stderr()).contains("Missing command").contains("check");
    }

    @Test
    void shippedRuleTestsPassWithAReport() {
        CliOutput out = CliOutput.of(() -> ArbiterCli.execute("rules", "test", SHIPPED.toString()));

        assertThat(out.exitCode()).as(out.stderr() + out.stdout()).isZero();
        assertThat(out.stdout()).contains("PASS  l7-compliance/price-collar.test.yaml: rejects a limit price 5.49% from the last close")
                .containsPattern("\\d+ passed, 0 failed\\s*$")
                .doesNotContain("FAIL").doesNotContain("UNTESTED");
    }

    @Test
    void aFailingCaseAndAnUntestedRuleExitOne(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("collar.drl"), Files.readString(SHIPPED.resolve("l7-compliance/price-collar.drl")));
        Files.writeString(dir.resolve("limits.json"), "{\"price-collar\": 0.05}");
        Files.writeString(dir.resolve("background.yaml"), """
                facts:
                  - FeedStatus: {symbol: ETH-USD, lastBarEnd: "2023-03-15T18:20:00Z", lastClose: 1629.52, ageSeconds: 30, barCount: 580}
                  - Proposal: {proposalId: p-1, accountId: acct-1, symbol: ETH-USD, side: BUY, quantity: 1, price: 1800, conviction: 0.5, origin: test}
                """);
        Files.writeString(dir.resolve("collar.test.yaml"), """
                cases:
                  - name: expects the collar to stay quiet at 10.5% (it fires)
                    expect:
                      notFired: [L7-PRICE-COLLAR]
                """);

        CliOutput out = CliOutput.of(() -> ArbiterCli.execute("rules", "test", dir.toString()));

        assertThat(out.exitCode()).isEqualTo(1);
        assertThat(out.stdout()).contains("FAIL  collar.test.yaml: expects the collar to stay quiet at 10.5% (it fires)")
                .contains("L7-PRICE-COLLAR fired but must not")
                .contains("UNTESTED  L7-PRICE-COLLAR (\"Limit price outside the price collar\") has no case where it fires")
                .contains("0 passed, 1 failed, 1 missing cases");
    }
}
