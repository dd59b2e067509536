package dev.arbiter.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.engine.decision.Decision;
import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.engine.decision.DecisionResult;
import dev.arbiter.engine.decision.ExampleRequests;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The report of a real decision (the documented ETH-USD example) shows every section with its content. */
class DecisionReportTest {

    private static DecisionPipeline pipeline;
    private static DecisionResult result;

    @BeforeAll
    static void decide() {
        pipeline = DecisionPipeline.withShippedDefaults();
        result = pipeline.decide("dec-report", ExampleRequests.example());
    }

    @AfterAll
    static void close() {
        pipeline.close();
    }

    @Test
    void rendersEverySectionOfARealDecision() throws java.io.IOException {
        String page = DecisionReport.render(result.decision(), result.trace(), null);

        for (String section : DecisionReport.SECTIONS) {
            assertThat(page).as("section %s", section).contains("<h2>" + section + "</h2>");
        }
        assertThat(page).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
        writeForReading(page);
    }

    /** Keeps the page of the build's real decision under target/ for people (and browser tests) to open. */
    private static void writeForReading(String page) throws java.io.IOException {
        java.nio.file.Path file = java.nio.file.Path.of("target", "reports", "decision-report.html");
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.writeString(file, page);
    }

    @Test
    void showsFiringsByLayerWithReasonCodesAndLegalSources() {
        String page = DecisionReport.render(result.decision(), result.trace(), null);

        assertThat(page).contains("<h3>L7 compliance (1 firing)</h3>", "L7-PRICE-COLLAR",
                "Limit price outside the price collar", "<h3>S strategy (3 firings)</h3>", "S-MOMENTUM");
        result.trace().firings().stream().filter(f -> !f.legalSource().isEmpty())
                .forEach(f -> assertThat(page).contains(Html.escape(f.legalSource())));
    }

    @Test
    void showsEachMatchedFactByItsTypeAndFields() {
        String page = DecisionReport.render(result.decision(), result.trace(), null);

        assertThat(page).contains("<li><b>Limit</b>\n name = price-collar, value = 0.05</li>",
                "<li><b>FeedStatus</b>\n symbol = ETH-USD, lastBarEnd = 2023-03-15T13:35:00Z, lastClose = 1692.84,"
                        + " ageSeconds = 30, barCount = 120</li>",
                "<li><b>Rejection</b>\n proposalId = i-2, reason = Reason(rule=Limit price outside the price collar,"
                        + " code=L7-PRICE-COLLAR");
        // The book the L2 rule compared, summed once by the engine: 2 x 1692.84 with no working order.
        assertThat(page).contains("<li><b>Portfolio</b>\n accountId = acct-1, grossExposure = 3385.68,")
                .doesNotContain("Limit[name=", "Typed[fact=");
    }

    @Test
    void showsTheExplanationProofAllocationAndVersions() {
        String page = DecisionReport.render(result.decision(), result.trace(), null);

        result.trace().explanations().forEach(explanation -> explanation.because()
                .forEach(sentence -> assertThat(page).contains(Html.escape(sentence))));
        assertThat(page).contains("<th>Verdict</th>\n<td>" + result.trace().proof().verdict() + "</td>");
        result.trace().allocation().orders().forEach(order -> order.boundBy()
                .forEach(sentence -> assertThat(page).contains(Html.escape(sentence))));
        Decision decision = result.decision();
        assertThat(page).contains(decision.versions().ruleSet(), decision.versions().limits(),
                decision.versions().parameters(), "not stored: this decision is not part of the audit chain");
    }

    @Test
    void showsTheAuditChainPositionWhenStored() {
        AuditStamp stamp = new AuditStamp(42, "ab".repeat(32), "cd".repeat(32), Instant.parse("2023-03-15T13:35:01Z"));

        String page = DecisionReport.render(result.decision(), result.trace(), stamp);

        assertThat(page).contains("#42, stored 2023-03-15T13:35:01Z", "ab".repeat(32), "cd".repeat(32));
    }

    @Test
    void escapesTextSoNoInputCanInjectMarkup() {
        assertThat(Html.escape("<script>alert('x')</script> & \"q\""))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
    }

    @Test
    void refusesATraceOfAnotherDecision() {
        Decision other = new Decision("dec-other", result.decision().requestId(), result.decision().asOf(),
                result.decision().status(), result.decision().summary(), result.decision().orders(),
                result.decision().proposals(), result.decision().versions());

        assertThatThrownBy(() -> DecisionReport.render(other, result.trace(), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trace.decisionId: 'dec-report' does not match the decision 'dec-other'");
    }
}
