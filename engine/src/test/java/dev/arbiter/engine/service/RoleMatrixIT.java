package dev.arbiter.engine.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every endpoint against every role over real HTTP: each role is refused (403) where it does not
 * belong and let through where it does; no credentials or a wrong password give 401.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class RoleMatrixIT {

    private static final String T = "trader";
    private static final String R = "risk-officer";
    private static final String A = "auditor";
    private static final String ADMIN = "admin";
    private static final List<String> ROLES = List.of(T, R, A, ADMIN);

    private record Endpoint(String method, String path, Set<String> allowed) {
    }

    /** The documented matrix (docs/api.md). Bodies are empty objects: an allowed call may fail validation, never authorisation. */
    private static final List<Endpoint> MATRIX = List.of(
            new Endpoint("POST", "/v1/decisions", Set.of(T, ADMIN)),
            new Endpoint("POST", "/v1/checks", Set.of(T, ADMIN)),
            new Endpoint("POST", "/v1/market/bars", Set.of(T, ADMIN)),
            new Endpoint("POST", "/v1/fills", Set.of(T, ADMIN)),
            new Endpoint("POST", "/v1/orders/reports", Set.of(T, ADMIN)),
            new Endpoint("POST", "/v1/accounts/acct-1/transfers", Set.of(T, ADMIN)),
            new Endpoint("POST", "/v1/accounts/acct-1/funding", Set.of(T, ADMIN)),
            new Endpoint("PUT", "/v1/accounts/acct-1/margin-modes/BTC-USDT-PERP", Set.of(T, ADMIN)),
            new Endpoint("POST", "/v1/accounts/acct-1/reconciliation", Set.of(T, ADMIN)),
            new Endpoint("GET", "/v1/decisions/dec-x", Set.of(T, A, ADMIN)),
            new Endpoint("GET", "/v1/decisions/dec-x/trace", Set.of(T, A, ADMIN)),
            new Endpoint("GET", "/v1/decisions/dec-x/explanation", Set.of(T, A, ADMIN)),
            new Endpoint("POST", "/v1/decisions/dec-x/explain", Set.of(A, ADMIN)),
            new Endpoint("POST", "/v1/decisions/dec-x/replay", Set.of(A, ADMIN)),
            new Endpoint("GET", "/v1/audit/verify", Set.of(A, ADMIN)),
            new Endpoint("POST", "/v1/trading-state", Set.of(R, ADMIN)),
            new Endpoint("POST", "/v1/kill-switch", Set.of(R, ADMIN)),
            new Endpoint("GET", "/v1/trading-state", Set.of(R, A, ADMIN)),
            new Endpoint("GET", "/v1/rule-sets/active", Set.of(R, A, ADMIN)),
            new Endpoint("GET", "/v1/accounts/acct-1/positions", Set.of(T, R, A, ADMIN)),
            new Endpoint("GET", "/actuator/prometheus", Set.of(ADMIN)),
            new Endpoint("GET", "/v3/api-docs", Set.of(T, R, A, ADMIN)),
            new Endpoint("GET", "/v1/me", Set.of(T, R, A, ADMIN)),
            new Endpoint("POST", "/v1/sign-ins", Set.of(T, R, A, ADMIN)),
            new Endpoint("DELETE", "/v1/sign-ins/current", Set.of(T, R, A, ADMIN)),
            new Endpoint("PUT", "/v1/accounts/acct-1", Set.of(T, ADMIN)),
            new Endpoint("GET", "/v1/accounts/acct-1", Set.of(T, R, A, ADMIN)),
            new Endpoint("GET", "/v1/decisions", Set.of(T, A, ADMIN)),
            new Endpoint("GET", "/v1/decisions/dec-x/report", Set.of(T, A, ADMIN)),
            new Endpoint("GET", "/v1/reports/period", Set.of(R, A, ADMIN)),
            new Endpoint("GET", "/v1/rule-sets", Set.of(R, A, ADMIN)),
            new Endpoint("GET", "/v1/rule-sets/cand-x", Set.of(R, A, ADMIN)),
            new Endpoint("POST", "/v1/rule-sets", Set.of(R)),
            new Endpoint("POST", "/v1/rule-sets/cand-x/approve", Set.of(R)),
            new Endpoint("POST", "/v1/rule-sets/cand-x/activate", Set.of(R)),
            new Endpoint("POST", "/v1/rule-sets/cand-x/rollback", Set.of(R)),
            new Endpoint("POST", "/v1/rule-sets/cand-x/shadow", Set.of(R)),
            new Endpoint("POST", "/v1/rule-sets/cand-x/shadow/stop", Set.of(R)),
            new Endpoint("GET", "/v1/shadow", Set.of(R)),
            new Endpoint("GET", "/v1/shadow/rule-set:cand-x/report", Set.of(R)),
            new Endpoint("GET", "/v1/models/candidates", Set.of(R, A, ADMIN)),
            new Endpoint("GET", "/v1/models/candidates/mdl-x", Set.of(R, A, ADMIN)),
            new Endpoint("GET", "/v1/models/active", Set.of(T, R, A, ADMIN)),
            new Endpoint("POST", "/v1/models/candidates", Set.of(R)),
            new Endpoint("POST", "/v1/models/candidates/mdl-x/approve", Set.of(R)),
            new Endpoint("POST", "/v1/models/candidates/mdl-x/activate", Set.of(R)),
            new Endpoint("POST", "/v1/models/candidates/mdl-x/retire", Set.of(R)),
            new Endpoint("POST", "/v1/models/candidates/mdl-x/rollback", Set.of(R)),
            new Endpoint("POST", "/v1/models/candidates/mdl-x/shadow", Set.of(R)),
            new Endpoint("POST", "/v1/models/candidates/mdl-x/shadow/stop", Set.of(R)));

    @LocalServerPort
    private int port;

    @BeforeAll
    static void needsPostgres() {
        PostgresScratch.assumeReachable();
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresScratch.register(registry, "roles");
    }

    @Test
    void eachRoleIsRefusedWhereItDoesNotBelong() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : MATRIX) {
            for (String role : ROLES) {
                int status = call(ServiceClient.as(port, role), endpoint).statusCode();
                boolean allowed = endpoint.allowed().contains(role);
                if (allowed && (status == 401 || status == 403) || !allowed && status != 403) {
                    wrong.add(endpoint.method() + " " + endpoint.path() + " as " + role + ": " + status
                            + (allowed ? " (should be let through)" : " (should be 403)"));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void passwordsAndAuthorizationHeadersAreNeverLogged(CapturedOutput output) throws Exception {
        eachRoleIsRefusedWhereItDoesNotBelong();
        new ServiceClient(port, "admin", "a-wrong-password").get("/v1/audit/verify");
        assertThat(output.getAll()).doesNotContain("trader-pw", "risk-pw", "auditor-pw", "admin-pw", "a-wrong-password", "Basic ");
    }

    @Test
    void noCredentialsOrAWrongPasswordIsUnauthenticated() throws Exception {
        for (Endpoint endpoint : MATRIX) {
            assertThat(call(new ServiceClient(port, null, null), endpoint).statusCode()).as(endpoint.path()).isEqualTo(401);
            assertThat(call(new ServiceClient(port, "admin", "wrong"), endpoint).statusCode()).as(endpoint.path()).isEqualTo(401);
        }
        HttpResponse<String> refused = new ServiceClient(port, "admin", "wrong").get("/v1/audit/verify");
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(refused.body()).doesNotContain("wrong");
    }

    @Test
    void healthAndReadinessAreOpenToProbesAndSayOnlyUpOrDown() throws Exception {
        HttpResponse<String> health = new ServiceClient(port, null, null).get("/actuator/health/readiness");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(ServiceClient.json(health).path("status").asString()).isEqualTo("UP");
        assertThat(new ServiceClient(port, null, null).get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    }

    @Test
    void anUnlistedPathIsRefusedEvenToAdmins() throws Exception {
        assertThat(ServiceClient.as(port, ADMIN).get("/actuator/env").statusCode()).isEqualTo(403);
        assertThat(ServiceClient.as(port, ADMIN).get("/v1/nothing-here").statusCode()).isEqualTo(403);
    }

    private static HttpResponse<String> call(ServiceClient client, Endpoint endpoint) throws Exception {
        return switch (endpoint.method()) {
            case "GET" -> client.get(endpoint.path());
            case "PUT" -> client.put(endpoint.path(), "{}");
            case "DELETE" -> client.delete(endpoint.path());
            default -> client.post(endpoint.path(), "{}");
        };
    }
}
