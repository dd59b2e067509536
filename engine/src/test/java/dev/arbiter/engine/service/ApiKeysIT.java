package dev.arbiter.engine.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.engine.service.security.ApiKeys;
import java.net.http.HttpResponse;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Machine clients with API keys over real HTTP: a key is let through where its roles belong, an unknown key is 401, and
 * a key acts for its own accounts only: another desk's account is 403 on every endpoint that carries one, and a batch
 * with one foreign entry is refused whole, nothing booked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class ApiKeysIT {

    private static final String DESK_A = "ak_desk-a-0123456789abcdefghijklmnopqrstuvwxyz";
    private static final String DESK_B = "ak_desk-b-0123456789abcdefghijklmnopqrstuvwxyz";
    private static final String AUDITOR_A = "ak_audit-a-0123456789abcdefghijklmnopqrstuvwxyz";

    @LocalServerPort
    private int port;

    @BeforeAll
    static void needsPostgres() {
        PostgresScratch.assumeReachable();
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresScratch.register(registry, "apikeys");
        registry.add("arbiter.api-keys", () -> entry("desk-a", DESK_A, "trader", "acct-a") + ";"
                + entry("desk-b", DESK_B, "trader", "acct-b") + ";" + entry("audit-a", AUDITOR_A, "auditor", "acct-a"));
    }

    private static String entry(String name, String key, String roles, String accounts) {
        return name + ":" + HexFormat.of().formatHex(ApiKeys.sha256(key)) + ":" + roles + ":" + accounts;
    }

    @Test
    void aKeyDecidesForItsOwnAccountAndNoOther() throws Exception {
        ServiceClient deskA = ServiceClient.withKey(port, DESK_A);
        ServiceClient.as(port, "trader").exampleAccount("acct-a");
        ServiceClient.as(port, "trader").exampleAccount("acct-b");
        JsonNode before = ServiceClient.json(ServiceClient.as(port, "trader").get("/v1/accounts/acct-b"));

        HttpResponse<String> own = deskA.post("/v1/checks", ServiceClient.exampleRequest("acct-a", "r-own"));
        assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
        String ownDecision = ServiceClient.json(own).path("decisionId").asString();
        assertThat(deskA.get("/v1/decisions/" + ownDecision).statusCode()).isEqualTo(200);
        assertThat(deskA.get("/v1/accounts/acct-a").statusCode()).isEqualTo(200);

        for (HttpResponse<String> foreign : java.util.List.of(
                deskA.post("/v1/checks", ServiceClient.exampleRequest("acct-b", "r-foreign-1")),
                deskA.post("/v1/decisions", ServiceClient.exampleRequest("acct-b", "r-foreign-2")),
                deskA.get("/v1/accounts/acct-b"),
                deskA.get("/v1/accounts/acct-b/positions"),
                deskA.put("/v1/accounts/acct-c", "{\"cash\": 1000}"),
                deskA.post("/v1/accounts/acct-b/transfers", "{\"transferId\": \"t-1\", \"amount\": 5}"),
                deskA.post("/v1/accounts/acct-b/reconciliation", "{\"positions\": []}"),
                deskA.post("/v1/fills", """
                        {"fills": [{"fillId": "f-a", "accountId": "acct-a", "symbol": "ETH-USD", "side": "BUY", "quantity": 1,
                                    "price": 1610, "filledAt": "2023-03-15T09:05:00Z", "fee": 1},
                                   {"fillId": "f-b", "accountId": "acct-b", "symbol": "ETH-USD", "side": "BUY", "quantity": 1,
                                    "price": 1610, "filledAt": "2023-03-15T09:05:00Z", "fee": 1}]}"""),
                deskA.post("/v1/orders/reports", """
                        {"reports": [{"accountId": "acct-b", "orderId": "o-1", "status": "CANCELLED"}]}"""),
                ServiceClient.withKey(port, DESK_B).get("/v1/decisions/" + ownDecision),
                ServiceClient.withKey(port, DESK_B).get("/v1/decisions/" + ownDecision + "/trace"),
                ServiceClient.withKey(port, DESK_B).get("/v1/decisions/" + ownDecision + "/report"),
                ServiceClient.withKey(port, DESK_B).get("/v1/decisions?account=acct-a"))) {
            assertThat(foreign.statusCode()).as(foreign.uri() + ": " + foreign.body()).isEqualTo(403);
            assertThat(foreign.body()).contains("does not act for account");
        }
        // the batch with one foreign fill booked nothing, not even its own account's fill
        JsonNode ownAccount = ServiceClient.json(deskA.get("/v1/accounts/acct-a"));
        assertThat(ownAccount.path("positions").get(0).path("quantity").decimalValue())
                .isEqualByComparingTo("2");
        JsonNode after = ServiceClient.json(ServiceClient.as(port, "trader").get("/v1/accounts/acct-b"));
        assertThat(after.path("journalPosition").asLong()).isEqualTo(before.path("journalPosition").asLong());
        // a listing shows a key its own accounts' decisions only
        JsonNode listed = ServiceClient.json(ServiceClient.withKey(port, DESK_B).get("/v1/decisions"));
        assertThat(listed.path("decisions").isArray()).isTrue();
        listed.path("decisions").forEach(d -> assertThat(d.path("accountId").asString()).isEqualTo("acct-b"));
    }

    @Test
    void rolesStillDecideWhatAKeyMayCall() throws Exception {
        ServiceClient auditor = ServiceClient.withKey(port, AUDITOR_A);
        assertThat(auditor.post("/v1/checks", ServiceClient.exampleRequest("acct-a", "r-auditor")).statusCode()).isEqualTo(403);
        assertThat(auditor.get("/v1/audit/verify").statusCode()).isEqualTo(200);
    }

    @Test
    void anUnknownKeyIsUnauthenticatedAndNeverLogged(CapturedOutput output) throws Exception {
        HttpResponse<String> refused = ServiceClient.withKey(port, "ak_not-a-configured-key").post("/v1/checks",
                ServiceClient.exampleRequest("acct-a", "r-unknown"));
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().allValues("WWW-Authenticate")).anySatisfy(h -> assertThat(h).startsWith("Bearer"));
        assertThat(refused.body()).doesNotContain("ak_not-a-configured-key");
        assertThat(output.getAll()).doesNotContain("ak_not-a-configured-key", DESK_A, DESK_B,
                HexFormat.of().formatHex(ApiKeys.sha256(DESK_A)));
    }

}
