package dev.arbiter.engine.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.arbiter.engine.json.ArbiterJson;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The risk gauges and counters over real HTTP from a real service: an account's figures and limit use as the engine
 * measures them, a kill switch and a reconciliation break as they happen, and every metric the shipped Grafana
 * dashboard and Prometheus alert rules query is one the service exposes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RiskMetricsIT {

    private static final Path DASHBOARD = Path.of("..", "deploy", "grafana", "arbiter-risk.json");
    private static final Pattern METRIC = Pattern.compile("\\barbiter_[a-z_]+\\b");
    /** The label the service puts on every metric ({@code management.metrics.tags.application}). */
    private static final String APP = "application=\"arbiter\"";
    private static final String MODEL_HEALTH = "arbiter_model_health";

    @LocalServerPort
    private int port;

    @Autowired
    private RiskGauges gauges;

    @BeforeAll
    static void needsPostgres() {
        PostgresScratch.assumeReachable();
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresScratch.register(registry, "riskmetrics");
    }

    @Test
    void theAccountsFiguresLimitUseSwitchesAndBreaksAreExposedAndTheDashboardAndAlertsNameOnlyThese() throws Exception {
        ServiceClient trader = ServiceClient.as(port, "trader");
        trader.exampleAccount("acct-risk");
        // a client claiming a million in equity: a reconciliation break, counted by field
        HttpResponse<String> decided = trader.post("/v1/decisions", """
                {"requestId": "r-risk", "asOf": "2023-03-15T13:35:30Z",
                 "account": {"accountId": "acct-risk", "equity": 1000000},
                 "intents": [{"intentId": "i-1", "accountId": "acct-risk", "symbol": "ETH-USD", "side": "BUY",
                              "quantity": 1, "limitPrice": 1693, "stopLoss": 1640, "strategy": "s", "conviction": 0.5}]}""");
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(201);
        HttpResponse<String> kill = ServiceClient.as(port, "risk-officer").post("/v1/kill-switch", """
                {"scope": "ACCOUNT", "target": "acct-risk", "engaged": true, "reason": "drill"}""");
        assertThat(kill.statusCode()).as(kill.body()).isBetween(200, 201);

        gauges.refresh();
        while (!gauges.verifyStep(1000)) {
            // the monitor's walk of the audit chain, to its end
        }
        String scrape = ServiceClient.as(port, "admin").get("/actuator/prometheus").body();

        double equity = value(scrape, account("arbiter_account_equity", ""));
        double gross = value(scrape, account("arbiter_account_gross_exposure", ""));
        assertThat(equity).isPositive();
        assertThat(gross).as("the example fills hold a position").isPositive();
        // the gross-exposure limit's use is the account's gross exposure over max-gross-exposure (25,000)
        assertThat(value(scrape, account("arbiter_limit_utilisation", ",limit=\"max-gross-exposure\"")))
                .isCloseTo(gross / 25000, within(1e-9));
        assertThat(value(scrape, account("arbiter_limit_utilisation", ",limit=\"max-leverage\"")))
                .isCloseTo(gross / equity / 3, within(1e-9));
        assertThat(value(scrape, account("arbiter_account_trading_state", ""))).isZero();
        assertThat(value(scrape, "arbiter_kill_switch_engaged{" + APP + ",scope=\"ACCOUNT\",target=\"acct-risk\"}"))
                .isEqualTo(1);
        assertThat(value(scrape, "arbiter_audit_chain_intact{" + APP + "}")).isEqualTo(1);
        assertThat(scrape).containsPattern("arbiter_reconciliation_breaks_total\\{" + Pattern.quote(APP)
                + ",field=\"account\\.equity\"\\} [1-9]");
        assertThat(scrape).contains("arbiter_fail_closed_total{" + APP + ",cause=\"proof\"} 0.0",
                "arbiter_market_bar_age_seconds{" + APP + ",symbol=\"ETH-USD\"}");

        // the console's live view: the same figures as JSON, now and streamed
        JsonNode risk = ServiceClient.json(ServiceClient.as(port, "risk-officer").get("/v1/risk"));
        JsonNode mine = account(risk);
        assertThat(mine.path("grossExposure").asDouble()).isCloseTo(gross, within(1e-6));
        assertThat(mine.path("killSwitch").path("engaged").asBoolean()).isTrue();
        assertThat(mine.path("limits")).extracting(l -> l.path("limit").asString()).contains("max-gross-exposure",
                "max-leverage", "max-drawdown", "max-daily-loss", "max-margin-ratio");
        assertThat(mine.path("exposures")).anySatisfy(e -> assertThat(e.path("symbol").asString()).isEqualTo("ETH-USD"));
        JsonNode streamed = ArbiterJson.mapper().readTree(ServiceClient.as(port, "auditor").firstEvent("/v1/risk/stream"));
        assertThat(account(streamed).path("equity").asDouble()).isCloseTo(equity, within(1e-6));

        Set<String> queried = new TreeSet<>();
        for (Path file : new Path[] {DASHBOARD, AlertRulesTest.ALERTS}) {
            Matcher m = METRIC.matcher(Files.readString(file));
            while (m.find()) {
                queried.add(m.group());
            }
        }
        assertThat(queried).hasSizeGreaterThanOrEqualTo(12);
        // a model's health is a series once the engine ran that model version (DecisionMetricsTest)
        assertThat(queried).contains(MODEL_HEALTH);
        assertThat(queried).filteredOn(metric -> !metric.equals(MODEL_HEALTH))
                .allSatisfy(metric -> assertThat(scrape).as("the service exposes %s", metric)
                        .containsPattern("(?m)^" + metric + "[{ ]"));
    }

    /** A series of the test's account; Prometheus orders labels by name, the service's own among them. */
    private static String account(String metric, String moreLabels) {
        return metric + "{account=\"acct-risk\"," + APP + moreLabels + "}";
    }

    private static JsonNode account(JsonNode snapshot) {
        for (JsonNode account : snapshot.path("accounts")) {
            if (account.path("accountId").asString().equals("acct-risk")) {
                return account;
            }
        }
        throw new AssertionError("acct-risk is not in " + snapshot);
    }

    private static double value(String scrape, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scrape);
        assertThat(m.find()).as("%s in the scrape", series).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
