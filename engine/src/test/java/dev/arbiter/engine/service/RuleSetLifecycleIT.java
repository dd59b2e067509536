package dev.arbiter.engine.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The rule-set lifecycle through HTTP with two risk officers against the real PostgreSQL: upload with checks and
 * impact, the refusals (self-approval, activation without approval, a candidate whose tests fail, broken DRL),
 * approval by the second officer, activation and rollback while decisions keep flowing, each decision made wholly
 * by one release and naming it, a change of the instruments the engine lists going the same way, and every step in
 * a chain that verifies.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RuleSetLifecycleIT {

    @LocalServerPort
    private int port;

    @BeforeAll
    static void needsPostgres() {
        PostgresScratch.assumeReachable();
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresScratch.register(registry, "rulesets");
    }

    @Test
    @Order(1)
    void aWiderCollarIsCheckedApprovedBySecondOfficerActivatedAndRolledBack() throws Exception {
        String shippedLimits = active().path("limits").toString();
        JsonNode before = decide(1);
        assertThat(rejectedBy(before, "i-2")).contains("L7-PRICE-COLLAR");

        JsonNode candidate = upload("risk-officer", collar(true, "wider collar"), 201);
        String id = candidate.path("id").asString();
        assertThat(candidate.path("status").asString()).isEqualTo("AWAITING_APPROVAL");
        assertThat(candidate.path("impact").path("replayed").asInt()).isGreaterThanOrEqualTo(1);
        JsonNode changed = candidate.path("impact").path("changed").get(0);
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "impact-example.json"),
                candidate.path("impact").toPrettyString()); // the example docs/rule-lifecycle.md shows
        assertThat(changed.path("rulesResponsible").toString()).contains("L7-PRICE-COLLAR");

        assertRefused(officer("risk-officer").post("/v1/rule-sets/" + id + "/approve", new byte[0]), "SELF_APPROVAL");
        assertRefused(officer("risk-officer").post("/v1/rule-sets/" + id + "/activate", new byte[0]), "NOT_APPROVED");
        assertThat(step("risk-officer-2", id, "approve").path("approvedBy").asString()).isEqualTo("risk-officer-2");
        assertThat(step("risk-officer", id, "activate").path("status").asString()).isEqualTo("ACTIVE");

        JsonNode after = decide(2);
        assertThat(after.path("versions").path("limits").asString()).isEqualTo(candidate.path("limitsVersion").asString());
        assertThat(rejectedBy(after, "i-2")).doesNotContain("L7-PRICE-COLLAR");

        String shippedId = firstCandidateId();
        assertThat(step("risk-officer-2", shippedId, "rollback").path("status").asString()).isEqualTo("ACTIVE");
        assertThat(active().path("limits").toString()).isEqualTo(shippedLimits);
        assertThat(rejectedBy(decide(3), "i-2")).contains("L7-PRICE-COLLAR");

        JsonNode verify = ServiceClient.json(ServiceClient.as(port, "auditor").get("/v1/audit/verify"));
        assertThat(verify.path("intact").asBoolean()).as(verify.toString()).isTrue();
    }

    @Test
    @Order(2)
    void aCandidateWhoseTestsFailOrWhoseDrlIsBrokenCanBeReadButNeverApprovedOrActivated() throws Exception {
        // a limit alone passes: the shipped cases read the collar their background pins; the impact shows the change
        JsonNode limitOnly = upload("risk-officer", collar(false, "collar alone"), 201);
        assertThat(limitOnly.path("status").asString()).as(limitOnly.path("checks").toString())
                .isEqualTo("AWAITING_APPROVAL");
        assertThat(limitOnly.path("impact").path("changed").toString()).contains("L7-PRICE-COLLAR");

        // cases that pin the release's collar at 7 %, uploaded while the collar stays at 5 %, fail
        JsonNode failing = upload("risk-officer", body("collar tests without the collar",
                Map.of(WiderCollar.TEST_FILE, WiderCollar.TESTS_AT_7_PERCENT)), 201);
        String id = failing.path("id").asString();
        assertThat(failing.path("status").asString()).isEqualTo("CHECKS_FAILED");
        assertThat(failing.path("checks").path("tests").asString()).contains("FAIL  l7-compliance/price-collar.test.yaml");
        assertRefused(officer("risk-officer-2").post("/v1/rule-sets/" + id + "/approve", new byte[0]), "CHECKS_FAILED");
        assertRefused(officer("risk-officer-2").post("/v1/rule-sets/" + id + "/activate", new byte[0]), "NOT_APPROVED");

        JsonNode broken = upload("risk-officer", body("typo", Map.of("l7-compliance/price-collar.drl",
                "package arbiter.risk.l7;\nrule \"Collar\"\nwhen\n  Proposal( price >\nthen\nend\n")), 201);
        assertThat(broken.path("status").asString()).isEqualTo("CHECKS_FAILED");
        assertThat(broken.path("checks").path("diagnostics").get(0).path("file").asString())
                .isEqualTo("l7-compliance/price-collar.drl");

        HttpResponse<String> traversal = officer("risk-officer").post("/v1/rule-sets",
                body("bad", Map.of("../secrets.drl", "x")));
        assertThat(traversal.statusCode()).isEqualTo(400);
        assertThat(traversal.body()).contains("files['../secrets.drl']");
    }

    @Test
    @Order(3)
    void decisionsKeepFlowingDuringActivationAndRollbackEachMadeWhollyByOneRelease() throws Exception {
        JsonNode candidate = upload("risk-officer", collar(true, "wider collar again"), 201);
        String id = candidate.path("id").asString();
        String widerLimits = candidate.path("limitsVersion").asString();
        step("risk-officer-2", id, "approve");
        String shippedId = firstCandidateId();
        String shippedLimits = ServiceClient.json(officer("risk-officer").get("/v1/rule-sets/" + shippedId))
                .path("limitsVersion").asString();

        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService traders = Executors.newFixedThreadPool(3);
        List<Future<List<JsonNode>>> flows = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            int thread = t;
            flows.add(traders.submit(() -> {
                List<JsonNode> made = new ArrayList<>();
                for (int n = 0; running.get() || made.size() < 3; n++) {
                    made.add(decide(100 + thread * 1000 + n));
                }
                return made;
            }));
        }
        step("risk-officer", id, "activate");
        step("risk-officer-2", shippedId, "rollback");
        step("risk-officer", id, "rollback");
        step("risk-officer-2", shippedId, "rollback");
        running.set(false);
        List<JsonNode> decisions = new ArrayList<>();
        for (Future<List<JsonNode>> flow : flows) {
            decisions.addAll(flow.get());
        }
        traders.shutdown();

        assertThat(decisions).hasSizeGreaterThanOrEqualTo(9);
        for (JsonNode decision : decisions) {
            String limits = decision.path("versions").path("limits").asString();
            assertThat(limits).isIn(shippedLimits, widerLimits);
            // the verdict matches the release it names: the collar rejects i-2 exactly under the shipped limits
            assertThat(rejectedBy(decision, "i-2").contains("L7-PRICE-COLLAR"))
                    .as("decision %s under %s", decision.path("decisionId"), limits)
                    .isEqualTo(limits.equals(shippedLimits));
        }
    }

    @Test
    @Order(4)
    void anInstrumentsChangeIsApprovedActivatedNamedByDecisionsReplayedAndRolledBack() throws Exception {
        String shippedId = firstCandidateId();
        JsonNode shipped = ServiceClient.json(officer("risk-officer").get("/v1/rule-sets/" + shippedId));
        String listed = shipped.path("files").path("instruments.json").asString();
        String shippedInstruments = shipped.path("instrumentsVersion").asString();
        assertThat(shippedInstruments).startsWith("ins-");
        assertThat(decide(200).path("versions").path("instruments").asString()).isEqualTo(shippedInstruments);
        String changed = listed.replace("[\n", "[\n  {\"symbol\": \"AVAX-USD\", \"venue\": \"binance-us\", "
                + "\"cluster\": \"alt_layer1\", \"sector\": \"smart-contract-platform\", \"tickSize\": 0.01, "
                + "\"lotSize\": 0.01, \"minNotional\": 10, \"maxNotional\": 1000000},\n");
        assertThat(changed).contains("AVAX-USD");

        HttpResponse<String> bad = officer("risk-officer").post("/v1/rule-sets", body("bad tick",
                Map.of("instruments.json", changed.replace("\"tickSize\": 0.01, \"lotSize\": 0.01, \"minNotional\": 10, "
                        + "\"maxNotional\": 1000000},\n", "\"tickSize\": 0, \"lotSize\": 0.01, \"minNotional\": 10, "
                        + "\"maxNotional\": 1000000},\n"))));
        assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
        assertThat(bad.body()).contains("instruments file 'instruments.json' [0] (AVAX-USD).tickSize: 0 is not accepted");

        JsonNode candidate = upload("risk-officer", body("list AVAX-USD", Map.of("instruments.json", changed)), 201);
        String id = candidate.path("id").asString();
        String avax = candidate.path("instrumentsVersion").asString();
        assertThat(candidate.path("status").asString()).isEqualTo("AWAITING_APPROVAL");
        assertThat(avax).startsWith("ins-").isNotEqualTo(shippedInstruments);
        assertThat(candidate.path("limitsVersion").asString()).isEqualTo(shipped.path("limitsVersion").asString());
        assertRefused(officer("risk-officer").post("/v1/rule-sets/" + id + "/approve", new byte[0]), "SELF_APPROVAL");
        step("risk-officer-2", id, "approve");
        step("risk-officer", id, "activate");

        JsonNode after = decide(201);
        assertThat(after.path("versions").path("instruments").asString()).isEqualTo(avax);
        HttpResponse<String> replay = ServiceClient.as(port, "auditor")
                .post("/v1/decisions/" + after.path("decisionId").asString() + "/replay", new byte[0]);
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
        assertThat(ServiceClient.json(replay).path("identical").asBoolean()).as(replay.body()).isTrue();
        assertThat(ServiceClient.json(replay).path("releaseKey").asString()).endsWith("/" + avax);

        step("risk-officer-2", shippedId, "rollback");
        assertThat(decide(202).path("versions").path("instruments").asString()).isEqualTo(shippedInstruments);
        JsonNode verify = ServiceClient.json(ServiceClient.as(port, "auditor").get("/v1/audit/verify"));
        assertThat(verify.path("intact").asBoolean()).as(verify.toString()).isTrue();
    }

    private JsonNode decide(int n) throws Exception {
        ServiceClient trader = ServiceClient.as(port, "trader");
        trader.exampleAccount("acct-1");
        HttpResponse<String> response = trader.post("/v1/decisions", RequestVariants.variant(n, "acct-1"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return ServiceClient.json(response).path("decision");
    }

    private static String rejectedBy(JsonNode decision, String proposalId) {
        for (JsonNode proposal : decision.path("proposals")) {
            if (proposal.path("proposalId").asString().equals(proposalId)) {
                return proposal.path("reasonCodes").toString();
            }
        }
        return "";
    }

    private JsonNode active() throws Exception {
        return ServiceClient.json(officer("risk-officer").get("/v1/rule-sets/active")).path("decisions");
    }

    private String firstCandidateId() throws Exception {
        return ServiceClient.json(officer("risk-officer").get("/v1/rule-sets")).path("candidates").get(0)
                .path("id").asString();
    }

    private byte[] collar(boolean withTests, String note) throws Exception {
        JsonNode shipped = ServiceClient.json(officer("risk-officer").get("/v1/rule-sets/" + firstCandidateId()));
        return WiderCollar.upload(shipped.path("files").path("limits.json").asString(), withTests, note);
    }

    private JsonNode upload(String officer, byte[] body, int expected) throws Exception {
        HttpResponse<String> response = officer(officer).post("/v1/rule-sets", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
        return ServiceClient.json(response);
    }

    private JsonNode step(String officer, String candidateId, String step) throws Exception {
        HttpResponse<String> response = officer(officer).post("/v1/rule-sets/" + candidateId + "/" + step, new byte[0]);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ServiceClient.json(response);
    }

    private static void assertRefused(HttpResponse<String> response, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        assertThat(ServiceClient.json(response).path("code").asString()).isEqualTo(code);
    }

    private static byte[] body(String note, Map<String, String> files) {
        return dev.arbiter.engine.json.ArbiterJson.mapper().writeValueAsBytes(Map.of("note", note, "files", files));
    }

    private ServiceClient officer(String name) {
        return ServiceClient.as(port, name);
    }
}
