package dev.arbiter.engine.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.engine.decision.DecisionResult;
import dev.arbiter.engine.decision.RuleRelease;
import dev.arbiter.engine.json.CanonicalJson;
import dev.arbiter.engine.lifecycle.ReleaseSwitch;
import dev.arbiter.engine.lifecycle.RuleSetLifecycle;
import dev.arbiter.engine.lifecycle.Z3ReleaseAnalysis;
import dev.arbiter.engine.service.store.CandidateTable;
import dev.arbiter.engine.service.store.DecisionSearch;
import dev.arbiter.engine.service.store.ShadowTable;
import dev.arbiter.engine.shadow.Challenger;
import dev.arbiter.engine.shadow.ShadowDecision;
import dev.arbiter.engine.shadow.ShadowRunner;
import dev.arbiter.engine.lifecycle.ShippedPack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Rule-set candidates in shadow over real HTTP on the embedded H2 database: a candidate with a tighter maximum order
 * quantity decides every decision in shadow while the champion's decisions go out; its rows are stored, not acted on
 * (the account's working orders are the champion's), the same stored decision gives the same row, and the report lists
 * exactly the decisions whose intents asked more than the tighter maximum, with the rule responsible. Then the
 * refusals (roles, state, the cap of three), stopping, the shadow state surviving a restart of the lifecycle, an
 * activation ending every shadow, and the audit chain intact.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShadowIT {

    private static final Path DATA = temporaryDirectory();
    private static final String ACCOUNT = "acct-shadow";
    /** The challenger's maximum order quantity; the champion's is 10. */
    private static final BigDecimal TIGHTER = new BigDecimal("7");
    private static final List<String> QUANTITIES = List.of("9", "2", "8", "5", "3", "8");

    @LocalServerPort
    private int port;
    @Autowired
    private ShadowRunner runner;
    @Autowired
    private ShadowTable shadows;
    @Autowired
    private RuleSetLifecycle lifecycle;
    @Autowired
    private CandidateTable candidates;
    @Autowired
    private DecisionSearch search;
    @Autowired
    private DecisionPipeline decisionPipeline;

    private static String candidateId;
    private static final Map<String, String> QUANTITY_BY_DECISION = new LinkedHashMap<>();

    @DynamicPropertySource
    static void embeddedDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + DATA.resolve("arbiter")
                + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
        registry.add("arbiter.users", () -> PostgresScratch.USERS);
        registry.add("arbiter.api-keys", () -> "");
    }

    @Test
    @Order(1)
    void aCandidateInShadowDecidesEveryDecisionAndActsOnNone() throws Exception {
        trader().exampleAccount(ACCOUNT);
        JsonNode candidate = upload("tighter order quantity", Map.of("max-order-quantity", TIGHTER.toPlainString()));
        candidateId = candidate.path("id").asString();
        assertThat(candidate.path("status").asString()).isEqualTo("AWAITING_APPROVAL");

        // the author may: shadow acts on nothing
        JsonNode started = ok(officer("risk-officer").post("/v1/rule-sets/" + candidateId + "/shadow", new byte[0]));
        assertThat(started.path("shadow").path("startedBy").asString()).isEqualTo("risk-officer");
        assertRefused(officer("risk-officer-2").post("/v1/rule-sets/" + candidateId + "/shadow", new byte[0]),
                "WRONG_STATE", "runs in shadow already");

        for (int n = 0; n < QUANTITIES.size(); n++) {
            HttpResponse<String> made = trader().post("/v1/decisions", request(n, QUANTITIES.get(n)));
            assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
            QUANTITY_BY_DECISION.put(ServiceClient.json(made).path("decisionId").asString(), QUANTITIES.get(n));
        }
        assertThat(runner.awaitQuiet(Duration.ofMinutes(2))).isTrue();

        String challengerId = "rule-set:" + candidateId;
        for (String decisionId : QUANTITY_BY_DECISION.keySet()) {
            assertThat(shadows.find(decisionId, challengerId)).as(decisionId).isPresent();
        }
        // not acted on: every working order of the account is one the champion approved, at the champion's quantity
        Map<String, BigDecimal> championOrders = new TreeMap<>();
        for (String decisionId : QUANTITY_BY_DECISION.keySet()) {
            for (JsonNode order : ServiceClient.json(trader().get("/v1/decisions/" + decisionId)).path("orders")) {
                championOrders.put(order.path("orderId").asString(), order.path("quantity").decimalValue());
            }
        }
        Map<String, BigDecimal> working = new TreeMap<>();
        for (JsonNode order : ServiceClient.json(trader().get("/v1/accounts/" + ACCOUNT)).path("workingOrders")) {
            if (QUANTITY_BY_DECISION.containsKey(order.path("decisionId").asString())) {
                working.put(order.path("orderId").asString(), order.path("quantity").decimalValue());
            }
        }
        assertThat(championOrders).isNotEmpty();
        assertThat(working.keySet()).isEqualTo(championOrders.keySet());
        working.forEach((id, quantity) -> assertThat(quantity).as(id).isEqualByComparingTo(championOrders.get(id)));
        // and the challenger would have sent less where the champion sent more than the tighter maximum
        List<String> sentLess = new ArrayList<>();
        for (String decisionId : QUANTITY_BY_DECISION.keySet()) {
            for (var order : shadows.find(decisionId, "rule-set:" + candidateId).orElseThrow().decision().orders()) {
                BigDecimal sent = working.get(order.orderId());
                if (sent != null && sent.compareTo(order.quantity()) != 0) {
                    assertThat(order.quantity()).isLessThanOrEqualTo(TIGHTER);
                    sentLess.add(order.orderId() + ": " + sent + " sent, " + order.quantity() + " in shadow");
                }
            }
        }
        assertThat(sentLess).as("the first decision asks 9 with room for it").isNotEmpty();
    }

    @Test
    @Order(2)
    void theReportListsExactlyTheDecisionsThatWouldHaveChangedAndWhy() throws Exception {
        String challengerId = "rule-set:" + candidateId;
        Set<String> expected = new TreeSet<>();
        QUANTITY_BY_DECISION.forEach((id, quantity) -> {
            if (new BigDecimal(quantity).compareTo(TIGHTER) > 0) {
                expected.add(id);
            }
        });
        JsonNode report = ok(officer("risk-officer").get("/v1/shadow/" + challengerId
                + "/report?from=2023-03-15T00:00:00Z&to=2023-03-16T00:00:00Z"));
        assertThat(report.path("compared").asInt()).isEqualTo(QUANTITY_BY_DECISION.size());
        assertThat(report.path("changed").asInt()).isEqualTo(expected.size());
        Set<String> listed = new TreeSet<>();
        for (JsonNode changed : report.path("changedDecisions")) {
            listed.add(changed.path("decisionId").asString());
            assertThat(changed.path("rulesResponsible").toString()).contains("L1-MAX-ORDER-QTY");
            assertThat(changed.path("differences").toString()).contains("i-1: reason codes gained [L1-MAX-ORDER-QTY]");
        }
        assertThat(listed).isEqualTo(expected);
        assertThat(report.path("description").asString()).contains(candidateId).contains("tighter order quantity");

        HttpResponse<String> page = officer("risk-officer").get("/v1/shadow/" + challengerId
                + "/report?from=2023-03-15T00:00:00Z&to=2023-03-16T00:00:00Z", "text/html");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("Changed decisions").contains(expected.iterator().next())
                .contains("L1-MAX-ORDER-QTY");

        JsonNode listedChallengers = ok(officer("risk-officer").get("/v1/shadow"));
        assertThat(listedChallengers.path("challengers")).singleElement().satisfies(c -> {
            assertThat(c.path("id").asString()).isEqualTo(challengerId);
            assertThat(c.path("running").asBoolean()).isTrue();
            assertThat(c.path("decisions").asLong()).isEqualTo(QUANTITY_BY_DECISION.size());
            assertThat(c.path("report").asString()).isEqualTo("/v1/shadow/" + challengerId + "/report");
        });
    }

    @Test
    @Order(3)
    void theSameStoredDecisionAndChallengerGiveTheSameRow() {
        Challenger challenger = lifecycle.challengers().getFirst();
        RuleRelease champion = decisionPipeline.active();
        for (String decisionId : QUANTITY_BY_DECISION.keySet()) {
            DecisionResult stored = search.load(decisionId).orElseThrow();
            ShadowDecision again = runner.shadow(stored, challenger, champion);
            ShadowDecision row = shadows.find(decisionId, challenger.id()).orElseThrow();
            assertThat(CanonicalJson.write(again)).as(decisionId).isEqualTo(CanonicalJson.write(row));
        }
    }

    @Test
    @Order(4)
    void refusalsNameTheCandidateTheStateAndWhatIsAccepted() throws Exception {
        String shipped = "cand-0001";
        assertRefused(officer("risk-officer").post("/v1/rule-sets/" + shipped + "/shadow", new byte[0]),
                "WRONG_STATE", "candidate " + shipped + " is ACTIVE; only a candidate AWAITING_APPROVAL or APPROVED");
        HttpResponse<String> unknown = officer("risk-officer").post("/v1/rule-sets/cand-9999/shadow", new byte[0]);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("candidateId: 'cand-9999' is unknown");
        HttpResponse<String> badFrom = officer("risk-officer").get("/v1/shadow/rule-set:" + candidateId
                + "/report?from=yesterday&to=2023-03-16T00:00:00Z");
        assertThat(badFrom.statusCode()).isEqualTo(400);
        assertThat(badFrom.body()).contains("from").contains("'yesterday'").contains("ISO-8601");
        HttpResponse<String> noChallenger = officer("risk-officer").get("/v1/shadow/model:nothing/report"
                + "?from=2023-03-15T00:00:00Z&to=2023-03-16T00:00:00Z");
        assertThat(noChallenger.statusCode()).isEqualTo(404);
        assertThat(noChallenger.body()).contains("challengerId: 'model:nothing' is unknown");
        for (String role : List.of("trader", "auditor", "admin")) {
            assertThat(ServiceClient.as(port, role).post("/v1/rule-sets/" + candidateId + "/shadow/stop", new byte[0])
                    .statusCode()).as(role).isEqualTo(403);
            assertThat(ServiceClient.as(port, role).get("/v1/shadow").statusCode()).as(role).isEqualTo(403);
        }
    }

    @Test
    @Order(5)
    void atMostThreeRunInShadowAndTheFourthIsRefusedNamingThem() throws Exception {
        List<String> others = new ArrayList<>();
        for (String q : List.of("6", "5", "4")) {
            others.add(upload("order quantity " + q, Map.of("max-order-quantity", q)).path("id").asString());
        }
        ok(officer("risk-officer-2").post("/v1/rule-sets/" + others.get(0) + "/approve", new byte[0]));
        ok(officer("risk-officer-2").post("/v1/rule-sets/" + others.get(0) + "/shadow", new byte[0])); // approved too
        ok(officer("risk-officer").post("/v1/rule-sets/" + others.get(1) + "/shadow", new byte[0]));
        HttpResponse<String> fourth = officer("risk-officer").post("/v1/rule-sets/" + others.get(2) + "/shadow",
                new byte[0]);
        assertRefused(fourth, "SHADOW_LIMIT", "at most 3 candidates run in shadow at once");
        assertThat(fourth.body()).contains(candidateId).contains(others.get(0)).contains(others.get(1));

        JsonNode stopped = ok(officer("risk-officer-2").post("/v1/rule-sets/" + others.get(1) + "/shadow/stop",
                new byte[0]));
        assertThat(stopped.path("shadow").isNull()).isTrue();
        assertRefused(officer("risk-officer").post("/v1/rule-sets/" + others.get(1) + "/shadow/stop", new byte[0]),
                "WRONG_STATE", "is not in shadow");
        assertThat(lifecycle.challengers()).extracting(Challenger::id)
                .containsExactly("rule-set:" + candidateId, "rule-set:" + others.get(0));
    }

    @Test
    @Order(6)
    void theShadowStateSurvivesARestartAndAnActivationEndsEveryShadow() throws Exception {
        // a lifecycle started afresh on the same store, as after a restart, runs the same challengers
        RuleRelease running = decisionPipeline.active();
        ReleaseSwitch untouched = new ReleaseSwitch() {
            @Override
            public RuleRelease active() {
                return running;
            }

            @Override
            public void activate(RuleRelease release, String actor) {
            }
        };
        RuleSetLifecycle restarted = new RuleSetLifecycle(untouched, candidates, candidates, new Z3ReleaseAnalysis(),
                release -> null, Clock.systemUTC());
        restarted.bootstrap(ShippedPack.files(), "arbiter (start-up)");
        assertThat(restarted.challengers()).extracting(Challenger::id)
                .containsExactlyElementsOf(lifecycle.challengers().stream().map(Challenger::id).toList());

        String approvedInShadow = lifecycle.challengers().get(1).id().substring("rule-set:".length());
        ok(officer("risk-officer").post("/v1/rule-sets/" + approvedInShadow + "/activate", new byte[0]));
        assertThat(lifecycle.challengers()).isEmpty();
        JsonNode list = ok(officer("risk-officer").get("/v1/rule-sets"));
        assertThat(list.path("candidates")).allSatisfy(c -> assertThat(c.path("inShadow").asBoolean()).isFalse());
        assertThat(ok(officer("risk-officer").get("/v1/shadow")).path("challengers"))
                .allSatisfy(c -> assertThat(c.path("running").asBoolean()).isFalse());

        // decisions go on with no shadow: no row for them
        HttpResponse<String> made = trader().post("/v1/decisions", request(99, "8"));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        assertThat(runner.awaitQuiet(Duration.ofMinutes(1))).isTrue();
        assertThat(shadows.find(ServiceClient.json(made).path("decisionId").asString(), "rule-set:" + candidateId))
                .isEmpty();

        JsonNode verify = ok(ServiceClient.as(port, "auditor").get("/v1/audit/verify"));
        assertThat(verify.path("intact").asBoolean()).as(verify.toString()).isTrue();
        List<String> steps = candidates.steps().stream().map(s -> s.get("step") + " " + s.get("candidate_id")).toList();
        assertThat(steps).contains("SHADOW_STARTED " + candidateId, "SHADOW_STOPPED " + candidateId,
                "ACTIVATED " + approvedInShadow);
    }

    /** One BUY of ETH-USD at the example's price, asking {@code quantity}. */
    private static String request(int n, String quantity) {
        return """
                {"requestId": "shadow-%d", "asOf": "2023-03-15T13:35:%02dZ", "account": {"accountId": "%s"},
                 "intents": [{"intentId": "i-1", "accountId": "%s", "symbol": "ETH-USD", "side": "BUY",
                   "quantity": %s, "limitPrice": 1693, "stopLoss": 1640, "strategy": "client-breakout",
                   "conviction": 0.7}]}
                """.formatted(n, 30 + n % 30, ACCOUNT, ACCOUNT, quantity);
    }

    private JsonNode upload(String note, Map<String, String> changes) throws Exception {
        String limits = ok(officer("risk-officer").get("/v1/rule-sets/cand-0001")).path("files").path("limits.json")
                .asString();
        HttpResponse<String> response = officer("risk-officer").post("/v1/rule-sets",
                TighterLimits.upload(limits, changes, note));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode candidate = ServiceClient.json(response);
        assertThat(candidate.path("status").asString()).as(candidate.path("checks").toString())
                .isEqualTo("AWAITING_APPROVAL");
        return candidate;
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ServiceClient.json(response);
    }

    private static void assertRefused(HttpResponse<String> response, String code, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        JsonNode problem = ServiceClient.json(response);
        assertThat(problem.path("code").asString()).isEqualTo(code);
        assertThat(problem.path("detail").asString()).contains(detail);
    }

    private ServiceClient trader() {
        return ServiceClient.as(port, "trader");
    }

    private ServiceClient officer(String name) {
        return ServiceClient.as(port, name);
    }

    private static Path temporaryDirectory() {
        try {
            Path directory = Files.createTempDirectory("arbiter-shadow-it");
            directory.toFile().deleteOnExit();
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
