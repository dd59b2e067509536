package dev.arbiter.engine.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.engine.cli.ArbiterCli;
import dev.arbiter.engine.decision.ExampleRequests;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Tampering with the stored records directly in PostgreSQL (edit, delete, reorder) is found by
 * {@code GET /v1/audit/verify} and by {@code arbiter audit verify}, which name the first bad record.
 * Each test puts the database back as it was, so the chain verifies again afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // the monitor's own schedule walks the chain once at start-up, then leaves the walk to the test
        properties = "arbiter.metrics.audit-verify-every=PT1H")
class AuditChainIT {

    private static final AtomicInteger ACCOUNTS = new AtomicInteger();

    private static String database;

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
        database = PostgresScratch.register(registry, "audit");
    }

    @BeforeEach
    void someDecisionsAndATradingStateChange() throws Exception {
        // each on a fresh example account, so each is the documented decision (orders approved), not a repeat of
        // orders the account already has working
        for (int i = 0; i < 2; i++) {
            String account = "acct-audit-" + ACCOUNTS.incrementAndGet();
            ServiceClient.as(port, "trader").exampleAccount(account);
            assertThat(ServiceClient.as(port, "trader").post("/v1/decisions", RequestVariants.example(account)).statusCode())
                    .isEqualTo(201);
        }
        HttpResponse<String> halt = ServiceClient.as(port, "risk-officer").post("/v1/trading-state",
                "{\"scope\":\"INSTRUMENT\",\"target\":\"SOL-USD\",\"state\":\"REDUCING\",\"reason\":\"audit test\"}");
        assertThat(halt.statusCode()).isEqualTo(201);
        assertThat(verify().path("intact").asBoolean()).isTrue();
    }

    @Test
    void anEditedDecisionIsNamed() throws Exception {
        Record victim = decisionRecord(1);
        try (Connection c = PostgresScratch.connect(database); Statement s = c.createStatement()) {
            List<Object> original = row(c, "select decision_json from decision where decision_id = '" + victim.subject + "'");
            s.executeUpdate("update decision set decision_json = replace(decision_json, 'APPROVED', 'REJECTED')"
                    + " where decision_id = '" + victim.subject + "'");
            JsonNode report = verify();
            assertThat(report.path("intact").asBoolean()).isFalse();
            assertThat(report.path("firstBad").path("seq").asLong()).isEqualTo(victim.seq);
            assertThat(report.path("firstBad").path("subject").asString()).isEqualTo(victim.subject);
            assertThat(report.path("firstBad").path("problem").asString()).contains("was edited");
            assertThat(cliVerify()).isEqualTo(1);
            try (PreparedStatement restore = c.prepareStatement("update decision set decision_json = ? where decision_id = ?")) {
                restore.setObject(1, original.getFirst());
                restore.setString(2, victim.subject);
                restore.executeUpdate();
            }
        }
        assertThat(verify().path("intact").asBoolean()).isTrue();
        assertThat(cliVerify()).isZero();
    }

    @Test
    void decisionsShareTheBarsAndIndicatorsTheySawAndAnEditedOneIsNamed() throws Exception {
        Record latest = decisionRecord(0);
        Record before = decisionRecord(1);
        try (Connection c = PostgresScratch.connect(database); Statement s = c.createStatement()) {
            String stored = (String) row(c, "select trace_json from decision where decision_id = '" + latest.subject + "'")
                    .getFirst();
            java.util.regex.Matcher named = java.util.regex.Pattern.compile("\"bars\":\"([0-9a-f]{64})\"").matcher(stored);
            assertThat(named.find()).as("the stored trace names its bars instead of repeating them").isTrue();
            String window = named.group(1);
            String earlier = (String) row(c, "select trace_json from decision where decision_id = '" + before.subject + "'")
                    .getFirst();
            assertThat(earlier).as("both decisions saw the same ETH-USD bars: one window, named twice")
                    .contains("\"bars\":\"" + window + "\"");

            HttpResponse<String> served = ServiceClient.as(port, "auditor").get("/v1/decisions/" + latest.subject + "/trace");
            assertThat(served.statusCode()).isEqualTo(200);
            JsonNode bars = ServiceClient.json(served).path("request").path("marketData").get(0).path("bars");
            assertThat(bars.isArray()).as("the trace is served whole").isTrue();
            assertThat(bars.size()).isGreaterThan(10);

            String original = (String) row(c, "select bars_json from bar_window where window_sha256 = '" + window + "'")
                    .getFirst();
            s.executeUpdate("update bar_window set bars_json = replace(bars_json, '\"close\":', '\"close\":1')"
                    + " where window_sha256 = '" + window + "'");
            JsonNode report = verify();
            assertThat(report.path("intact").asBoolean()).isFalse();
            assertThat(report.path("firstBad").path("subject").asString()).startsWith("dec-");
            assertThat(report.path("firstBad").path("problem").asString()).contains("was edited");
            try (PreparedStatement restore = c.prepareStatement("update bar_window set bars_json = ? where window_sha256 = ?")) {
                restore.setString(1, original);
                restore.setString(2, window);
                restore.executeUpdate();
            }
            assertThat(verify().path("intact").asBoolean()).isTrue();

            s.executeUpdate("delete from bar_window where window_sha256 = '" + window + "'");
            assertThat(verify().path("firstBad").path("problem").asString())
                    .contains("window " + window.substring(0, 12)).contains("was deleted");
            insert(c, "bar_window", List.of(window, original));
            assertThat(verify().path("intact").asBoolean()).isTrue();

            // the indicator values the rules saw are a window too: shared, served whole, and an edit is named
            java.util.regex.Matcher indicatorsNamed = java.util.regex.Pattern
                    .compile("\"indicators\":\"([0-9a-f]{64})\"").matcher(stored);
            assertThat(indicatorsNamed.find()).as("the stored trace names its indicator values").isTrue();
            String indicators = indicatorsNamed.group(1);
            assertThat(stored).containsPattern("\"market\":\"[0-9a-f]{64}\"");
            assertThat(ServiceClient.json(served).path("indicators").isArray()).as("served whole").isTrue();
            assertThat(ServiceClient.json(served).path("indicators").size()).isPositive();
            String values = (String) row(c, "select bars_json from bar_window where window_sha256 = '" + indicators + "'")
                    .getFirst();
            s.executeUpdate("update bar_window set bars_json = replace(bars_json, '\"value\":', '\"value\":1')"
                    + " where window_sha256 = '" + indicators + "'");
            assertThat(verify().path("firstBad").path("problem").asString())
                    .contains("window " + indicators.substring(0, 12)).contains("was edited");
            try (PreparedStatement restore = c.prepareStatement("update bar_window set bars_json = ? where window_sha256 = ?")) {
                restore.setString(1, values);
                restore.setString(2, indicators);
                restore.executeUpdate();
            }
        }
        assertThat(verify().path("intact").asBoolean()).isTrue();
    }

    @Test
    void theMonitorWalksTheChainAFewRecordsAtATimeAndFindsAnEditedDecision() throws Exception {
        for (int n = 0; n < 2; n++) { // reading an explanation waits for it: then nothing more is appended to the chain
            HttpResponse<String> explained = ServiceClient.as(port, "auditor")
                    .get("/v1/decisions/" + decisionRecord(n).subject + "/explanation");
            assertThat(explained.statusCode()).as(explained.body()).isEqualTo(200);
        }
        long head = headSeq();
        assertThat(head).as("records in the chain").isGreaterThan(6);
        List<Long> reached = walk(3);
        assertThat(reached).as("where each step of three records left the walk").hasSize((int) (head / 3 + 1))
                .startsWith(3L, 6L).endsWith(head);
        assertThat(monitored("arbiter_audit_chain_intact")).isEqualTo(1);

        Record victim = decisionRecord(2);
        try (Connection c = PostgresScratch.connect(database); Statement s = c.createStatement()) {
            List<Object> original = row(c, "select decision_json from decision where decision_id = '" + victim.subject + "'");
            s.executeUpdate("update decision set decision_json = replace(decision_json, 'APPROVED', 'REJECTED')"
                    + " where decision_id = '" + victim.subject + "'");
            reached = walk(3);
            assertThat(reached.getLast()).as("the walk stops before the edited decision's record").isEqualTo(victim.seq - 1);
            assertThat(monitored("arbiter_audit_chain_intact")).isZero();
            assertThat(monitored("arbiter_audit_chain_walk_seq")).isEqualTo(victim.seq - 1);
            try (PreparedStatement restore = c.prepareStatement("update decision set decision_json = ? where decision_id = ?")) {
                restore.setObject(1, original.getFirst());
                restore.setString(2, victim.subject);
                restore.executeUpdate();
            }
        }
        assertThat(walk(1000)).as("a walk in one step").containsExactly(head);
        assertThat(monitored("arbiter_audit_chain_intact")).as("intact again after a whole walk").isEqualTo(1);
    }

    /** Steps the monitor's walk to its end, giving the last record it had found good after each step. */
    private List<Long> walk(int recordsPerStep) throws Exception {
        List<Long> reached = new ArrayList<>();
        boolean ended;
        do {
            ended = gauges.verifyStep(recordsPerStep);
            reached.add((long) monitored("arbiter_audit_chain_walk_seq"));
        } while (!ended);
        return reached;
    }

    private double monitored(String gauge) throws Exception {
        HttpResponse<String> scraped = ServiceClient.as(port, "admin").get("/actuator/prometheus");
        assertThat(scraped.statusCode()).as(scraped.body()).isEqualTo(200);
        String scrape = scraped.body();
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(gauge) + "\\{[^}]*} (\\S+)$").matcher(scrape);
        assertThat(m.find()).as("%s in the scrape: %s", gauge, scrape.lines().filter(l -> l.contains("audit")).toList())
                .isTrue();
        return Double.parseDouble(m.group(1));
    }

    private static long headSeq() throws Exception {
        try (Connection c = PostgresScratch.connect(database); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select max(seq) from audit_record")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void anEditedRecordIsNamed() throws Exception {
        Record victim = decisionRecord(0);
        try (Connection c = PostgresScratch.connect(database); Statement s = c.createStatement()) {
            s.executeUpdate("update audit_record set recorded_at = '2000-01-01T00:00:00Z' where seq = " + victim.seq);
            JsonNode report = verify();
            assertThat(report.path("firstBad").path("seq").asLong()).isEqualTo(victim.seq);
            assertThat(report.path("firstBad").path("problem").asString()).contains("record " + victim.seq + " was edited");
            s.executeUpdate("update audit_record set recorded_at = '" + victim.recordedAt + "' where seq = " + victim.seq);
        }
        assertThat(verify().path("intact").asBoolean()).isTrue();
    }

    @Test
    void aDeletedDecisionAndADeletedRecordAreNamed() throws Exception {
        Record victim = decisionRecord(1);
        try (Connection c = PostgresScratch.connect(database)) {
            List<Object> row = row(c, "select * from decision where decision_id = '" + victim.subject + "'");
            List<Object> record = row(c, "select * from audit_record where seq = " + victim.seq);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("delete from decision where decision_id = '" + victim.subject + "'");
                JsonNode report = verify();
                assertThat(report.path("firstBad").path("seq").asLong()).isEqualTo(victim.seq);
                assertThat(report.path("firstBad").path("problem").asString()).contains("was deleted");

                s.executeUpdate("delete from audit_record where seq = " + victim.seq);
                report = verify();
                assertThat(report.path("firstBad").path("seq").asLong()).isEqualTo(victim.seq + 1);
                assertThat(report.path("firstBad").path("problem").asString())
                        .contains("record " + victim.seq + " is missing (deleted)");
                assertThat(cliVerify()).isEqualTo(1);
            }
            insert(c, "decision", row);
            insert(c, "audit_record", record);
        }
        assertThat(verify().path("intact").asBoolean()).isTrue();
    }

    @Test
    void reorderedRecordsAreNamed() throws Exception {
        Record first = decisionRecord(0);
        Record second = decisionRecord(1);
        try (Connection c = PostgresScratch.connect(database); Statement s = c.createStatement()) {
            swap(s, first.seq, second.seq);
            JsonNode report = verify();
            assertThat(report.path("firstBad").path("seq").asLong()).isEqualTo(Math.min(first.seq, second.seq));
            assertThat(report.path("firstBad").path("problem").asString()).contains("does not follow the record before it");
            swap(s, first.seq, second.seq);
        }
        assertThat(verify().path("intact").asBoolean()).isTrue();
    }

    @Test
    void aLimitChangeThroughTheLifecycleIsAuditedAndDecisionsUseItAtOnce() throws Exception {
        ServiceClient author = ServiceClient.as(port, "risk-officer");
        String limits = ServiceClient.json(author.get("/v1/rule-sets/cand-0001")).path("files").path("limits.json").asString();
        String id = ServiceClient.json(author.post("/v1/rule-sets", WiderCollar.upload(limits, true, "wider collar")))
                .path("id").asString();
        assertThat(ServiceClient.as(port, "risk-officer-2").post("/v1/rule-sets/" + id + "/approve", "").statusCode())
                .isEqualTo(200);
        assertThat(author.post("/v1/rule-sets/" + id + "/activate", "").statusCode()).isEqualTo(200);

        JsonNode active = ServiceClient.json(author.get("/v1/rule-sets/active"));
        assertThat(active.path("decisions").path("limits").path("price-collar").decimalValue()).isEqualByComparingTo("0.07");
        assertThat(active.path("checks").path("limits").path("price-collar").decimalValue()).isEqualByComparingTo("0.07");
        String limitsVersion = active.path("decisions").path("versions").path("limits").asString();
        ServiceClient.as(port, "trader").exampleAccount("acct-1");
        JsonNode decided = ServiceClient.json(ServiceClient.as(port, "trader").post("/v1/decisions", ExampleRequests.exampleBytes()));
        assertThat(decided.path("decision").path("versions").path("limits").asString()).isEqualTo(limitsVersion);
        assertThat(verify().path("intact").asBoolean()).isTrue();

        assertThat(author.post("/v1/rule-sets/cand-0001/rollback", "").statusCode()).isEqualTo(200);
    }

    @Test
    void onlyAuditorsAndAdminsVerify() throws Exception {
        assertThat(ServiceClient.as(port, "trader").get("/v1/audit/verify").statusCode()).isEqualTo(403);
        assertThat(ServiceClient.as(port, "admin").get("/v1/audit/verify").statusCode()).isEqualTo(200);
    }

    private static void swap(Statement s, long a, long b) throws Exception {
        s.executeUpdate("update audit_record set seq = -1 where seq = " + a);
        s.executeUpdate("update audit_record set seq = " + a + " where seq = " + b);
        s.executeUpdate("update audit_record set seq = " + b + " where seq = -1");
    }

    private JsonNode verify() throws Exception {
        HttpResponse<String> response = ServiceClient.as(port, "auditor").get("/v1/audit/verify");
        assertThat(response.statusCode()).isEqualTo(200);
        return ServiceClient.json(response);
    }

    private static int cliVerify() {
        return ArbiterCli.execute("audit", "verify", "--db-url", PostgresScratch.url(database), "--db-user", PostgresScratch.USER);
    }

    private record Record(long seq, String subject, String recordedAt) {
    }

    /** The n-th most recent decision's audit record (0 = the latest). */
    private static Record decisionRecord(int n) throws Exception {
        try (Connection c = PostgresScratch.connect(database); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select seq, subject, recorded_at from audit_record where kind = 'DECISION'"
                     + " order by seq desc offset " + n + " limit 1")) {
            rs.next();
            return new Record(rs.getLong(1), rs.getString(2), rs.getString(3));
        }
    }

    private static List<Object> row(Connection c, String query) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            List<Object> values = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                values.add(rs.getObject(i));
            }
            return values;
        }
    }

    private static void insert(Connection c, String table, List<Object> values) throws Exception {
        try (PreparedStatement p = c.prepareStatement("insert into " + table + " values ("
                + String.join(", ", values.stream().map(v -> "?").toList()) + ")")) {
            for (int i = 0; i < values.size(); i++) {
                p.setObject(i + 1, values.get(i));
            }
            p.executeUpdate();
        }
    }
}
