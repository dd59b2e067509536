package dev.arbiter.engine.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.engine.decision.ExampleRequests;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Replay, idempotency, per-account serialisation, checks and stored state, over real HTTP on PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DecisionLifecycleIT {

    private static String database;

    @LocalServerPort
    private int port;

    @BeforeAll
    static void needsPostgres() {
        PostgresScratch.assumeReachable();
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        database = PostgresScratch.register(registry, "lifecycle");
    }

    @Test
    void everyStoredDecisionReplaysIdentically() throws Exception {
        for (int a = 0; a < 4; a++) {
            trader().exampleAccount("acct-replay-" + a);
        }
        List<String> ids = new ArrayList<>();
        for (int n = 0; n < 24; n++) {
            String path = n % 3 == 2 ? "/v1/checks" : "/v1/decisions";
            HttpResponse<String> made = trader().post(path, RequestVariants.variant(n, "acct-replay-" + (n % 4)));
            assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
            ids.add(ServiceClient.json(made).path("decisionId").asString());
        }
        Set<String> statuses = new HashSet<>();
        for (String id : ids) {
            HttpResponse<String> replay = ServiceClient.as(port, "auditor").post("/v1/decisions/" + id + "/replay", "");
            assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
            JsonNode report = ServiceClient.json(replay);
            assertThat(report.path("differences")).as(id).isEmpty();
            assertThat(report.path("identical").asBoolean()).isTrue();
            statuses.add(ServiceClient.json(trader().get("/v1/decisions/" + id)).path("status").asString());
        }
        assertThat(statuses).as("the variants reach more than one outcome").hasSizeGreaterThan(1);
    }

    @Test
    void aChangedStoredRequestReplaysDifferentlyFieldByField() throws Exception {
        trader().exampleAccount("acct-changed");
        String id = ServiceClient.json(trader().post("/v1/decisions", RequestVariants.variant(3, "acct-changed")))
                .path("decisionId").asString();
        // the free balance the engine completed the request with, as the stored trace holds it
        String free = ServiceClient.json(trader().get("/v1/decisions/" + id + "/trace")).path("request").path("account")
                .path("freeBalance").decimalValue().toPlainString();
        try (Connection c = PostgresScratch.connect(database); Statement s = c.createStatement()) {
            int changed = s.executeUpdate("update decision set trace_json = replace(trace_json, '\"freeBalance\":" + free
                    + "', '\"freeBalance\":100') where decision_id = '" + id + "'");
            assertThat(changed).isEqualTo(1);
            try (var rs = s.executeQuery("select trace_json from decision where decision_id = '" + id + "'")) {
                rs.next();
                assertThat(rs.getString(1)).as("the stored free balance was changed").contains("\"freeBalance\":100,");
            }
        }
        JsonNode report = ServiceClient.json(ServiceClient.as(port, "auditor").post("/v1/decisions/" + id + "/replay", ""));
        assertThat(report.path("identical").asBoolean()).isFalse();
        List<String> paths = new ArrayList<>();
        report.path("differences").forEach(d -> paths.add(d.path("path").asString()));
        assertThat(paths).anyMatch(p -> p.startsWith("decision."));
    }

    @Test
    void aRepeatedIdempotencyKeyReturnsTheOriginalAndAReusedKeyIsRefused() throws Exception {
        trader().exampleAccount("acct-idem");
        byte[] body = RequestVariants.variant(5, "acct-idem");
        HttpResponse<String> first = trader().post("/v1/decisions", body, "application/json", "order-batch-42");
        HttpResponse<String> again = trader().post("/v1/decisions", body, "application/json", "order-batch-42");
        HttpResponse<String> other = trader().post("/v1/decisions", RequestVariants.variant(6, "acct-idem"),
                "application/json", "order-batch-42");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        String id = ServiceClient.json(first).path("decisionId").asString();
        assertThat(ServiceClient.json(again).path("decisionId").asString()).isEqualTo(id);
        assertThat(ServiceClient.json(again).path("decision")).isEqualTo(ServiceClient.json(first).path("decision"));
        assertThat(other.statusCode()).isEqualTo(422);
        JsonNode problem = ServiceClient.json(other);
        assertThat(problem.path("field").asString()).isEqualTo("Idempotency-Key");
        assertThat(problem.path("originalDecisionId").asString()).isEqualTo(id);
        assertThat(count("select count(*) from decision where account_id = 'acct-idem'")).isEqualTo(1);

        HttpResponse<String> badKey = trader().post("/v1/decisions", body, "application/json", "has spaces");
        assertThat(badKey.statusCode()).isEqualTo(400);
        assertThat(ServiceClient.json(badKey).path("field").asString()).isEqualTo("Idempotency-Key");
    }

    @Test
    void concurrentRepeatsOfOneKeyMakeOneDecisionAndAccountsRunInParallel() throws Exception {
        trader().exampleAccount("acct-race");
        for (int n = 0; n < 8; n++) {
            trader().exampleAccount("acct-par-" + n);
        }
        byte[] body = RequestVariants.variant(7, "acct-race");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpResponse<String>>> same = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                same.add(pool.submit(() -> trader().post("/v1/decisions", body, "application/json", "race-key")));
            }
            Set<String> ids = new HashSet<>();
            int created = 0;
            for (Future<HttpResponse<String>> f : same) {
                HttpResponse<String> r = f.get();
                assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
                created += r.statusCode() == 201 ? 1 : 0;
                ids.add(ServiceClient.json(r).path("decisionId").asString());
            }
            assertThat(created).isEqualTo(1);
            assertThat(ids).hasSize(1);

            List<Future<HttpResponse<String>>> accounts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int n = i;
                accounts.add(pool.submit(() -> trader().post("/v1/decisions", RequestVariants.variant(n, "acct-par-" + n))));
            }
            for (Future<HttpResponse<String>> f : accounts) {
                assertThat(f.get().statusCode()).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(ServiceClient.json(ServiceClient.as(port, "auditor").get("/v1/audit/verify")).path("intact").asBoolean()).isTrue();
    }

    @Test
    void aCheckUsesOnlyTheClientsIntentsAndIsStoredAsACheck() throws Exception {
        trader().exampleAccount("acct-check");
        HttpResponse<String> check = trader().post("/v1/checks", RequestVariants.variant(1, "acct-check"));
        assertThat(check.statusCode()).isEqualTo(201);
        String id = ServiceClient.json(check).path("decisionId").asString();
        JsonNode trace = ServiceClient.json(trader().get("/v1/decisions/" + id + "/trace"));
        List<String> layers = new ArrayList<>();
        trace.path("firings").forEach(f -> layers.add(f.path("rule").asString() + "@" + f.path("layer").asString()));
        assertThat(layers).noneMatch(l -> l.contains("@STRATEGY") && !l.toLowerCase().contains("client intent"));
        assertThat(trace.path("allocation").path("note").asString()).startsWith("pre-trade check");

        HttpResponse<String> allocated = trader().post("/v1/checks?allocate=true", RequestVariants.variant(1, "acct-check"));
        assertThat(allocated.statusCode()).as(allocated.body()).isEqualTo(201);
        String allocatedId = ServiceClient.json(allocated).path("decisionId").asString();
        JsonNode allocatedTrace = ServiceClient.json(trader().get("/v1/decisions/" + allocatedId + "/trace"));
        assertThat(allocatedTrace.path("allocation").path("note").asString()).doesNotStartWith("pre-trade check");
        assertThat(allocatedTrace.path("versions")).isEqualTo(trace.path("versions"));
        assertThat(ServiceClient.json(ServiceClient.as(port, "auditor").post("/v1/decisions/" + allocatedId + "/replay", ""))
                .path("identical").asBoolean()).isTrue();
        assertThat(trace.path("versions").path("ruleSet").asString())
                .isNotEqualTo(ServiceClient.json(trader().post("/v1/decisions", RequestVariants.variant(1, "acct-check")))
                        .path("decision").path("versions").path("ruleSet").asString());
    }

    @Test
    void fillsMovePositionsAndTheEngineCompletesASlimRequestFromThem() throws Exception {
        assertThat(trader().put("/v1/accounts/acct-state", "{\"accountId\": \"acct-state\", \"cash\": 100000,"
                + " \"at\": \"2023-03-15T00:00:00Z\"}").statusCode()).isEqualTo(201);
        String fills = "{\"fills\":[{\"fillId\":\"f-1\",\"accountId\":\"acct-state\",\"symbol\":\"ETH-USD\",\"side\":\"BUY\","
                + "\"quantity\":3,\"price\":1600,\"filledAt\":\"2023-03-15T12:00:00Z\"},"
                + "{\"fillId\":\"f-2\",\"accountId\":\"acct-state\",\"symbol\":\"ETH-USD\",\"side\":\"SELL\","
                + "\"quantity\":1,\"price\":1650,\"filledAt\":\"2023-03-15T12:30:00Z\"},"
                + "{\"fillId\":\"f-3\",\"accountId\":\"acct-state\",\"symbol\":\"ETH-USD\",\"side\":\"SELL\","
                + "\"quantity\":-1,\"price\":1650,\"filledAt\":\"2023-03-15T12:31:00Z\"}]}";
        HttpResponse<String> recorded = trader().post("/v1/fills", fills);
        assertThat(recorded.statusCode()).isEqualTo(200);
        JsonNode answer = ServiceClient.json(recorded);
        assertThat(answer.path("recorded")).hasSize(2);
        assertThat(answer.path("refused").get(0).path("field").asString()).isEqualTo("fills[2].quantity");
        assertThat(ServiceClient.json(trader().post("/v1/fills", fills)).path("duplicates")).hasSize(2);
        JsonNode positions = ServiceClient.json(trader().get("/v1/accounts/acct-state/positions"));
        assertThat(positions.get(0).path("quantity").decimalValue()).isEqualByComparingTo("2");
        assertThat(positions.get(0).path("averagePrice").decimalValue()).isEqualByComparingTo("1600");

        assertThat(trader().post("/v1/market/bars", RequestVariants.exampleBars()).statusCode()).isEqualTo(200);
        HttpResponse<String> decided = trader().post("/v1/decisions", RequestVariants.variant(2, "acct-state"));
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(201);
        String id = ServiceClient.json(decided).path("decisionId").asString();
        JsonNode request = ServiceClient.json(trader().get("/v1/decisions/" + id + "/trace")).path("request");
        assertThat(request.path("positions").get(0).path("quantity").decimalValue()).isEqualByComparingTo("2");
        assertThat(request.path("marketData").get(0).path("bars")).hasSize(120);
        // 100,000 - 3 x 1,600 + 1 x 1,650: the cash the fills left, not anything the client sent
        assertThat(request.path("account").path("freeBalance").decimalValue()).isEqualByComparingTo("96850");
        JsonNode replay = ServiceClient.json(ServiceClient.as(port, "auditor").post("/v1/decisions/" + id + "/replay", ""));
        assertThat(replay.path("identical").asBoolean()).isTrue();
    }

    @Test
    void badBarsAreRefusedOneByOneAndTheValidOnesKept() throws Exception {
        String bars = "{\"symbol\":\"BTC-USD\",\"period\":\"PT1M\",\"bars\":["
                + bar("2023-03-15T10:00:00Z", "100") + "," + bar("2023-03-15T10:01:00Z", "101") + ","
                + bar("2023-03-15T10:01:00Z", "102") + "," + bar("2023-03-15T09:59:00Z", "99") + ","
                + "{\"openTime\":\"2023-03-15T10:02:00Z\",\"open\":100,\"high\":90,\"low\":95,\"close\":96,\"volume\":1},"
                + "{\"openTime\":\"yesterday\",\"open\":1,\"high\":1,\"low\":1,\"close\":1,\"volume\":1},"
                + bar("2023-03-15T10:03:00Z", "102") + "]}";
        HttpResponse<String> response = trader().post("/v1/market/bars", bars);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = ServiceClient.json(response);
        assertThat(answer.path("kept").asInt()).isEqualTo(3);
        List<String> refused = new ArrayList<>();
        answer.path("refused").forEach(r -> refused.add(r.path("field").asString() + ": " + r.path("accepted").asString()));
        assertThat(refused).hasSize(4);
        assertThat(refused.get(0)).startsWith("bars[2].openTime").contains("duplicate");
        assertThat(refused.get(1)).startsWith("bars[3].openTime").contains("time order");
        assertThat(refused.get(2)).startsWith("bars[4].high");
        assertThat(refused.get(3)).startsWith("bars[5].openTime");
        HttpResponse<String> repeat = trader().post("/v1/market/bars", "{\"symbol\":\"BTC-USD\",\"period\":\"PT1M\",\"bars\":["
                + bar("2023-03-15T10:03:00Z", "102") + "]}");
        assertThat(repeat.statusCode()).as("an identical repeat of the newest bar is ignored").isEqualTo(200);
        assertThat(ServiceClient.json(repeat).path("kept").asInt()).isZero();
        assertThat(ServiceClient.json(repeat).path("ignored").asInt()).isEqualTo(1);
        HttpResponse<String> again = trader().post("/v1/market/bars", "{\"symbol\":\"BTC-USD\",\"period\":\"PT1M\",\"bars\":["
                + bar("2023-03-15T10:03:00Z", "103") + "]}");
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("duplicate");
    }

    @Test
    void aHaltStopsTheAccountsOrdersUntilResumed() throws Exception {
        trader().exampleAccount("acct-halt");
        trader().exampleAccount("acct-free");
        ServiceClient risk = ServiceClient.as(port, "risk-officer");
        assertThat(risk.post("/v1/trading-state", "{\"scope\":\"ACCOUNT\",\"target\":\"acct-halt\",\"state\":\"HALTED\","
                + "\"reason\":\"margin call\"}").statusCode()).isEqualTo(201);
        JsonNode halted = ServiceClient.json(trader().post("/v1/decisions", RequestVariants.variant(4, "acct-halt")));
        assertThat(halted.path("decision").path("status").asString()).isEqualTo("HALTED");
        assertThat(halted.path("decision").path("orders")).isEmpty();
        JsonNode other = ServiceClient.json(trader().post("/v1/decisions", RequestVariants.variant(4, "acct-free")));
        assertThat(other.path("decision").path("status").asString()).isNotEqualTo("HALTED");

        assertThat(risk.post("/v1/trading-state", "{\"scope\":\"ACCOUNT\",\"target\":\"acct-halt\",\"state\":\"ACTIVE\","
                + "\"reason\":\"margin restored\"}").statusCode()).isEqualTo(201);
        JsonNode resumed = ServiceClient.json(trader().post("/v1/decisions", RequestVariants.variant(4, "acct-halt")));
        assertThat(resumed.path("decision").path("status").asString()).isNotEqualTo("HALTED");
        HttpResponse<String> bad = risk.post("/v1/trading-state", "{\"scope\":\"GLOBAL\",\"target\":\"acct-1\",\"state\":\"HALTED\",\"reason\":\"x\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(ServiceClient.json(bad).path("field").asString()).isEqualTo("target");
        JsonNode state = ServiceClient.json(risk.get("/v1/trading-state"));
        assertThat(state.path("history")).hasSize(2);
        assertThat(state.path("inForce")).isEmpty();
    }

    @Test
    void aStoredDecisionIsExplainedByAPrologQuery() throws Exception {
        trader().exampleAccount("acct-explain");
        String id = ServiceClient.json(trader().post("/v1/decisions", RequestVariants.variant(0, "acct-explain")))
                .path("decisionId").asString();
        ServiceClient auditor = ServiceClient.as(port, "auditor");
        HttpResponse<String> answer = auditor.post("/v1/decisions/" + id + "/explain", "{\"goal\": \"status(P, S)\"}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        List<String> solutions = new ArrayList<>();
        ServiceClient.json(answer).path("solutions").forEach(x -> solutions.add(x.asString()));
        assertThat(solutions).anyMatch(x -> x.contains("P = 'i-1'"));

        HttpResponse<String> malformed = auditor.post("/v1/decisions/" + id + "/explain", "{\"goal\": \"status(P,\"}");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(ServiceClient.json(malformed).path("field").asString()).isEqualTo("goal");
        assertThat(auditor.post("/v1/decisions/dec-none/explain", "{\"goal\": \"status(P, S)\"}").statusCode()).isEqualTo(404);
    }

    private static String bar(String time, String price) {
        return "{\"openTime\":\"" + time + "\",\"open\":" + price + ",\"high\":" + price + ",\"low\":" + price
                + ",\"close\":" + price + ",\"volume\":5}";
    }

    private ServiceClient trader() {
        return ServiceClient.as(port, "trader");
    }

    private static long count(String sql) throws Exception {
        try (Connection c = PostgresScratch.connect(database); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
