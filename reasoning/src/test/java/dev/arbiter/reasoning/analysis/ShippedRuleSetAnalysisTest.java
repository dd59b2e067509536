package dev.arbiter.reasoning.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.reasoning.analysis.AnalysisReport.Verdict;
import dev.arbiter.rules.pack.LimitSet;
import dev.arbiter.rules.pack.ParameterSet;
import dev.arbiter.rules.pack.RuleSet;
import org.junit.jupiter.api.Test;

class ShippedRuleSetAnalysisTest {

    private final AnalysisReport report = new RuleSetAnalyzer().analyze(RuleSet.shippedDefault(),
            LimitSet.shippedDefault(), ParameterSet.shippedDefault(), Invariants.shippedDefault());

    @Test
    void everyShippedInvariantIsProved() {
        assertThat(report.invariants()).hasSizeGreaterThanOrEqualTo(6)
                .allSatisfy(i -> assertThat(i.verdict()).as(i.name() + ": " + i.detail()).isEqualTo(Verdict.PROVED));
        assertThat(report.invariants()).extracting(AnalysisReport.InvariantResult::name)
                .contains("halted-account", "kill-switch", "max-order-value", "instrument-share");
    }

    @Test
    void theShippedRuleSetHasNoDeadRuleAndNoContradictoryLimits() {
        assertThat(report.dead()).isEmpty();
        assertThat(report.limitConflicts()).isEmpty();
        assertThat(report.passes()).isTrue();
    }

    @Test
    void rulesOutsideTheSubsetAreListedWithTheirReason() {
        assertThat(report.analysed()).extracting(AnalysisReport.RuleRef::reasonCode)
                .contains("L1-MAX-ORDER-QTY", "L7-MAX-ORDER-VALUE", "L4-ACCOUNT-HALTED", "L7-KILL-SWITCH",
                        "L3-DAILY-LOSS", "L2-INSTRUMENT-SHARE");
        assertThat(report.notAnalysed()).anySatisfy(n -> {
            assertThat(n.rule().reasonCode()).isEqualTo("L2-GROSS-EXPOSURE");
            assertThat(n.reason()).contains("accumulate");
        });
        assertThat(report.notAnalysed()).anySatisfy(n -> {
            assertThat(n.rule().reasonCode()).isEqualTo("L7-RESTRICTED-INSTRUMENT");
            assertThat(n.reason()).contains("text");
        });
        int rules = report.analysed().size() + report.notAnalysed().size();
        assertThat(rules).as("every rule is either analysed or listed").isGreaterThanOrEqualTo(40);
    }
}
