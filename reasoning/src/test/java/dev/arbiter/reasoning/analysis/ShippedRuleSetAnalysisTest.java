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
                .contains("halted-account", "kill-switch", "max-order-value", "instrument-share", "venue-exposure");
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
                        "L3-DAILY-LOSS", "L2-INSTRUMENT-SHARE", "L2-GROSS-EXPOSURE", "L2-NET-EXPOSURE",
                        "L2-CLUSTER-SHARE", "L1-LEVERAGE", "L1-LIQUIDATION-DISTANCE", "L1-LIQUIDATION-ATRS",
                        "L3-MARGIN-RATIO", "L1-SPOT-SHORT", "L6-ORDER-RATE", "L7-RESTRICTED-INSTRUMENT",
                        "L3-FUNDING-COST", "L2-VENUE-EXPOSURE");
        // What stays outside, and why: each compares two facts of one type, which the one-of-each world cannot
        // hold, reads another rule's conclusion, or sums the request's orders each with its own instrument's terms.
        assertThat(report.notAnalysed()).filteredOn(n -> !n.rule().reasonCode().startsWith("S-"))
                .extracting(n -> n.rule().reasonCode())
                .containsExactlyInAnyOrder("L4-REDUCE-ONLY", "L5-ENSEMBLE-DISAGREEMENT", "L7-DUPLICATE-IN-REQUEST",
                        "L3-FREE-BALANCE");
        assertThat(report.notAnalysed()).anySatisfy(n -> {
            assertThat(n.rule().reasonCode()).isEqualTo("L7-DUPLICATE-IN-REQUEST");
            assertThat(n.reason()).contains("proposalId");
        });
        long riskRules = report.analysed().stream().filter(r -> !r.reasonCode().startsWith("S-")).count()
                + report.notAnalysed().stream().filter(n -> !n.rule().reasonCode().startsWith("S-")).count();
        long analysedRisk = report.analysed().stream().filter(r -> !r.reasonCode().startsWith("S-")).count();
        assertThat(riskRules).as("every risk rule is either analysed or listed").isGreaterThanOrEqualTo(45);
        assertThat(100.0 * analysedRisk / riskRules).as("share of the risk rules the analysis covers")
                .isGreaterThanOrEqualTo(90.0);
    }
}
