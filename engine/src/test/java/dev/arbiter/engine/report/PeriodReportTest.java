package dev.arbiter.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.engine.decision.DecisionRequest;
import dev.arbiter.engine.decision.DecisionResult;
import dev.arbiter.engine.decision.DecisionStatus;
import dev.arbiter.engine.decision.ExampleRequests;
import dev.arbiter.kb.fact.Account;
import dev.arbiter.kb.fact.TradingState;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A period report over real decisions: an approval, a rule rejection and a halted account. */
class PeriodReportTest {

    private static final Instant FROM = Instant.parse("2023-03-15T00:00:00Z");
    private static final Instant TO = Instant.parse("2023-03-16T00:00:00Z");

    private static DecisionPipeline pipeline;
    private static List<DecisionResult> decisions;

    @BeforeAll
    static void decide() {
        pipeline = DecisionPipeline.withShippedDefaults();
        DecisionRequest example = ExampleRequests.example();
        Account losing = new Account("acct-1", new BigDecimal("100000"), new BigDecimal("60000"),
                new BigDecimal("104000"), new BigDecimal("-6000"), TradingState.ACTIVE);
        Account halted = new Account("acct-1", new BigDecimal("100000"), new BigDecimal("60000"),
                new BigDecimal("104000"), BigDecimal.ZERO, TradingState.HALTED);
        decisions = List.of(
                pipeline.decide("dec-ok", example),
                pipeline.decide("dec-loss", withAccount(example, losing)),
                pipeline.decide("dec-halt", withAccount(example, halted)));
    }

    @AfterAll
    static void close() {
        pipeline.close();
    }

    @Test
    void countsDecisionsByStatusAndListsEveryRejectingRule() {
        String page = PeriodReport.render(FROM, TO, decisions, List.of());

        for (String section : PeriodReport.SECTIONS) {
            assertThat(page).contains("<h2>" + section + "</h2>");
        }
        assertThat(decisions).extracting(d -> d.decision().status())
                .containsExactly(DecisionStatus.APPROVED, DecisionStatus.REJECTED, DecisionStatus.HALTED);
        assertThat(page).contains("<th>Decisions</th>\n<td>3</td>", "<th>APPROVED</th>\n<td>1</td>",
                "<th>REJECTED</th>\n<td>1</td>", "<th>HALTED</th>\n<td>1</td>");
        decisions.stream().flatMap(d -> d.trace().outcomes().stream())
                .forEach(outcome -> assertThat(page).contains("<td>" + outcome.reason().code() + "</td>"));
        assertThat(page).contains("href=\"/v1/decisions/dec-loss/report\"");
    }

    @Test
    void chartsGrossUtilisationForDecisionsThatSizedOrders() {
        String page = PeriodReport.render(FROM, TO, decisions, List.of());

        long sized = decisions.stream().filter(d -> d.trace().allocationProblem() != null).count();
        assertThat(sized).isPositive();
        assertThat(page).contains("<svg", "aria-label=\"Gross exposure utilisation\"", "<polyline");
        assertThat(page.split("<circle ", -1)).hasSize((int) sized + 1);
        double share = PeriodReport.grossUtilisation(decisions.getFirst().decision(), decisions.getFirst().trace())
                .orElseThrow();
        assertThat(share).isBetween(0.0, 1.0);
    }

    @Test
    void showsWhoHaltedAndWhoResumedAndRuleSetChanges() {
        List<ChangeRecord> changes = List.of(
                new ChangeRecord(Instant.parse("2023-03-15T09:00:00Z"), "TRADING_STATE", "acct-1", "HALTED",
                        "officer-a", "daily loss investigation"),
                new ChangeRecord(Instant.parse("2023-03-15T11:30:00Z"), "TRADING_STATE", "acct-1", "ACTIVE",
                        "officer-b", "loss explained"),
                new ChangeRecord(Instant.parse("2023-03-15T12:00:00Z"), "RULE_SET_ACTIVATED", "rules", "rs-123abc",
                        "officer-b", "approved by officer-a"),
                new ChangeRecord(Instant.parse("2023-03-17T12:00:00Z"), "RULE_SET_ACTIVATED", "rules", "rs-later",
                        "officer-b", "outside the period"));

        String page = PeriodReport.render(FROM, TO, decisions, changes);

        assertThat(page).contains("officer-a", "daily loss investigation", "loss explained", "rs-123abc")
                .doesNotContain("rs-later");
    }

    @Test
    void leavesOutDecisionsOutsideThePeriodAndRefusesAnEmptyPeriod() {
        String page = PeriodReport.render(Instant.parse("2023-03-16T00:00:00Z"), Instant.parse("2023-03-17T00:00:00Z"),
                decisions, List.of());

        assertThat(page).contains("<th>Decisions</th>\n<td>0</td>", "No decision in this period.", "no observations");
        assertThatThrownBy(() -> PeriodReport.render(TO, FROM, decisions, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not after from");
    }

    private static DecisionRequest withAccount(DecisionRequest r, Account account) {
        return new DecisionRequest(r.requestId(), r.asOf(), account, r.positions(), r.openOrders(), r.instruments(),
                r.marketData(), r.predictions(), r.intents(), r.context());
    }
}
