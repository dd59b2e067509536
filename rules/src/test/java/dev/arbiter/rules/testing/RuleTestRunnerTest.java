package dev.arbiter.rules.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.rules.pack.CompiledRuleSet;
import dev.arbiter.rules.pack.RuleSet;
import dev.arbiter.rules.pack.RuleSetCompiler;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleTestRunnerTest {

    private static final CompiledRuleSet RULES = new RuleSetCompiler().compile(RuleSet.shippedDefault());
    private static final String BACKGROUND = """
            facts:
              - Account: {accountId: acct-1, equity: 100000, freeBalance: 60000, highWaterMark: 100000, dailyPnl: 0, state: ACTIVE}
              - Instrument: {symbol: ETH-USD, venue: v, cluster: majors, tickSize: 0.01, lotSize: 0.01, minNotional: 10, maxNotional: 1000000}
              - FeedStatus: {symbol: ETH-USD, lastBarEnd: "2023-03-15T18:20:00Z", lastClose: 1629.52, ageSeconds: 30, barCount: 580}
            """;

    @Test
    void aCaseWhoseExpectationDoesNotHoldFailsSayingWhatHappenedInstead() {
        RuleTestReport report = run("""
                cases:
                  - name: expects a cap that the collar turns into a rejection
                    given:
                      - OrderIntent: {intentId: i-1, accountId: acct-1, symbol: ETH-USD, side: SELL, quantity: 1, limitPrice: 1000, strategy: s, conviction: 0.5}
                    expect:
                      fired: [L1-MAX-ORDER-QTY]
                      outcomes:
                        - {kind: CAP, proposal: i-1}
                """);

        assertThat(report.passed()).isFalse();
        assertThat(report.results()).singleElement().satisfies(r -> assertThat(r.failures())
                .anySatisfy(f -> assertThat(f).startsWith("L1-MAX-ORDER-QTY did not fire; fired: [L7-PRICE-COLLAR, S-CLIENT-INTENT]"))
                .anySatisfy(f -> assertThat(f).contains("no outcome {kind=CAP, proposal=i-1}; outcomes: [REJECT L7-PRICE-COLLAR i-1: limit price 1000")));
        assertThat(report.render()).contains("FAIL  l7/x.test.yaml: expects a cap that the collar turns into a rejection")
                .contains("0 passed, 1 failed");
    }

    @Test
    void rulesWithoutCasesAreReported() {
        RuleTestReport report = run("""
                cases:
                  - name: collar fires
                    given:
                      - OrderIntent: {intentId: i-1, accountId: acct-1, symbol: ETH-USD, side: SELL, quantity: 1, limitPrice: 1000, strategy: s, conviction: 0.5}
                    expect:
                      fired: [L7-PRICE-COLLAR]
                """);

        assertThat(report.results()).allSatisfy(r -> assertThat(r.passed()).isTrue());
        assertThat(report.passed()).isFalse();
        assertThat(report.untestedRules())
                .contains("L7-PRICE-COLLAR (\"Limit price outside the price collar\") has no case where it stays quiet")
                .contains("L1-MAX-ORDER-QTY (\"Order quantity above the maximum\") has no case where it fires");
    }

    @Test
    void badTestFilesNameTheFileTheCaseAndTheProblem() {
        assertThatThrownBy(() -> parse("""
                cases:
                  - name: typo in a fact type
                    given:
                      - OrderIntnt: {intentId: i-1}
                    expect:
                      fired: [L7-PRICE-COLLAR]
                """)).hasMessageStartingWith("l7/x.test.yaml: case 'typo in a fact type': unknown fact type 'OrderIntnt'; expected one of [Account,");
        assertThatThrownBy(() -> parse("""
                cases:
                  - name: negative quantity
                    given:
                      - OrderIntent: {intentId: i-1, accountId: acct-1, symbol: ETH-USD, side: SELL, quantity: -1, limitPrice: 1000, strategy: s, conviction: 0.5}
                    expect:
                      fired: [L7-PRICE-COLLAR]
                """)).hasMessageContaining("case 'negative quantity': OrderIntent OrderIntent.quantity: -1 is not accepted; expected a number > 0");
        assertThatThrownBy(() -> parse("""
                cases:
                  - name: expects nothing
                """)).hasMessage("l7/x.test.yaml: case 'expects nothing' expects nothing; say what must fire, stay quiet or be concluded");
    }

    @Test
    void aGivenFactReplacesTheBackgroundFactItStandsFor() {
        RuleTestFiles files = parse("""
                cases:
                  - name: halted account
                    given:
                      - Account: {accountId: acct-1, equity: 100000, freeBalance: 60000, highWaterMark: 100000, dailyPnl: 0, state: HALTED}
                    expect:
                      fired: [L4-ACCOUNT-HALTED]
                """);

        assertThat(RuleTestRunner.merge(files.background(), files.cases().get(0).given()))
                .filteredOn(f -> f instanceof dev.arbiter.kb.fact.Account)
                .singleElement().asString().contains("state=HALTED");
    }

    private static RuleTestReport run(String tests) {
        return new RuleTestRunner().run(RULES, ShippedRuleTestsTest.reference(), parse(tests));
    }

    private static RuleTestFiles parse(String tests) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(RuleTestFiles.BACKGROUND, BACKGROUND);
        files.put("l7/x.test.yaml", tests);
        return RuleTestFiles.parse(files);
    }
}
