package dev.arbiter.engine.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.engine.decision.ExampleRequests;
import dev.arbiter.engine.json.ArbiterJson;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The service over real HTTP on the real PostgreSQL: a real server on a random port and the JDK's HTTP client. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DecisionServiceIT {

    /** What gives away a library, a class or the database in an error meant for a client. */
    private static final Pattern LIBRARY_WORDS = Pattern.compile(
            "jackson|fasterxml|java\\.|dev\\.arbiter|Exception|Cannot (deserialize|construct)|`|SQL|jdbc|springframework",
            Pattern.CASE_INSENSITIVE);

    @LocalServerPort
    private int port;

    @BeforeAll
    static void needsPostgres() {
        PostgresScratch.assumeReachable();
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresScratch.register(registry, "decisions");
    }

    @Test
    void postsADecisionAndReadsItAndItsTraceBack() throws Exception {
        ServiceClient.as(port, "trader").exampleAccount("acct-1");
        HttpResponse<String> created = post(ExampleRequests.exampleBytes(), "application/json");

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = ArbiterJson.mapper().readTree(created.body());
        String id = body.path("decisionId").asString();
        assertThat(id).startsWith("dec-");
        assertThat(created.headers().firstValue("Location")).hasValue("/v1/decisions/" + id);
        assertThat(body.path("repeated").asBoolean()).isFalse();
        assertThat(body.path("decision").path("status").asString()).isEqualTo("APPROVED");
        assertThat(body.path("decision").path("orders")).hasSize(2);

        HttpResponse<String> trace = get("/v1/decisions/" + id + "/trace");
        assertThat(trace.statusCode()).isEqualTo(200);
        JsonNode traceBody = ArbiterJson.mapper().readTree(trace.body());
        assertThat(traceBody.path("decisionId").asString()).isEqualTo(id);
        assertThat(traceBody.path("firings")).hasSize(8);
        assertThat(traceBody.path("proof").path("verdict").asString()).isEqualTo("PROVED");
        assertThat(traceBody.path("request").path("requestId").asString()).isEqualTo("example-eth-usd-2023-03-15T13:35");
        // the stored request is the one the pipeline saw: completed from the account the engine keeps
        assertThat(traceBody.path("request").path("positions").get(0).path("quantity").decimalValue()).isEqualByComparingTo("2");
        assertThat(traceBody.path("request").path("marketData").get(0).path("bars")).hasSize(120);
        assertThat(traceBody.path("request").path("state").path("breaks")).isEmpty();

        HttpResponse<String> decision = get("/v1/decisions/" + id);
        assertThat(decision.statusCode()).isEqualTo(200);
        assertThat(ArbiterJson.mapper().readTree(decision.body()).path("summary").asString())
                .isEqualTo("2 of 3 proposals go out as orders: 2 capped, 1 rejected");
    }

    @Test
    void openApiDocumentAndPrometheusMetricsAreServed() throws Exception {
        ServiceClient.as(port, "trader").exampleAccount("acct-docs");
        HttpResponse<String> decided = post(RequestVariants.example("acct-docs"), "application/json");
        assertThat(decided.statusCode()).isEqualTo(201);
        // explained after the answer; reading it waits for the explanation, timed under stage "explanation"
        assertThat(get(ServiceClient.json(decided).path("explanation").path("href").asString()).statusCode())
                .isEqualTo(200);

        HttpResponse<String> docs = get("/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode paths = ArbiterJson.mapper().readTree(docs.body()).path("paths");
        assertThat(paths.has("/v1/decisions")).isTrue();
        assertThat(paths.has("/v1/checks")).isTrue();
        assertThat(paths.has("/v1/audit/verify")).isTrue();

        HttpResponse<String> metrics = ServiceClient.as(port, "admin").get("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("arbiter_decisions_total{", "arbiter_decision_stage_seconds_bucket{",
                "stage=\"pipeline\"", "stage=\"store\"", "stage=\"facts\"", "stage=\"rules\"", "stage=\"sizing\"",
                "stage=\"proof\"", "stage=\"explanation\"", "arbiter_ruleset_active{", "arbiter_rejections_total{");
    }

    @Test
    void badRequestIsAProblemDetailNamingTheField() throws Exception {
        ObjectNode request = (ObjectNode) ArbiterJson.mapper().readTree(ExampleRequests.exampleBytes());
        ((ObjectNode) request.withArray("intents").get(0)).put("quantity", -25);
        byte[] bad = ArbiterJson.mapper().writeValueAsBytes(request);

        HttpResponse<String> response = post(bad, "application/json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
        JsonNode problem = ArbiterJson.mapper().readTree(response.body());
        assertThat(problem.path("field").asString()).isEqualTo("intents[0].quantity");
        assertThat(problem.path("value").asString()).isEqualTo("-25");
        assertThat(problem.path("accepted").asString()).isEqualTo("a number > 0");
        assertThat(problem.path("status").asInt()).isEqualTo(400);
    }

    @Test
    void everyMalformedRequestIsRefusedInOurWordsNamingTheField() throws Exception {
        ServiceClient trader = ServiceClient.as(port, "trader");
        trader.exampleAccount("acct-bad");
        List<String> wrong = new ArrayList<>();
        for (RequestVariants.Malformed variant : RequestVariants.malformed("acct-bad")) {
            for (String path : List.of("/v1/decisions", "/v1/checks")) {
                HttpResponse<String> response = trader.post(path, variant.body());
                JsonNode problem = ServiceClient.json(response);
                String body = response.body();
                if (response.statusCode() != 400 || !variant.field().equals(problem.path("field").asString())) {
                    wrong.add(variant + " to " + path + ": " + response.statusCode() + " " + body);
                } else if (LIBRARY_WORDS.matcher(body).find()) {
                    wrong.add(variant + " to " + path + ": a library's words in " + body);
                } else if (problem.path("accepted").asString().isBlank() || problem.path("value").isMissingNode()) {
                    wrong.add(variant + " to " + path + ": no value or nothing accepted in " + body);
                }
            }
        }
        assertThat(wrong).isEmpty();
        JsonNode account = ServiceClient.json(trader.get("/v1/accounts/acct-bad"));
        assertThat(account.path("workingOrders").isArray()).isTrue();
        assertThat(account.path("workingOrders")).as("nothing was decided").isEmpty();
        JsonNode stored = ServiceClient.json(trader.get("/v1/decisions?account=acct-bad")).path("decisions");
        assertThat(stored.isArray()).as(stored.toString()).isTrue();
        assertThat(stored).as("nothing stored").isEmpty();
    }

    @Test
    void malformedJsonAndWrongContentTypeAreRefused() throws Exception {
        HttpResponse<String> malformed = post("{\"requestId\":".getBytes(StandardCharsets.UTF_8), "application/json");
        HttpResponse<String> text = post(ExampleRequests.exampleBytes(), "text/plain");

        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(ArbiterJson.mapper().readTree(malformed.body()).path("field").asString()).isEqualTo("(body)");
        assertThat(text.statusCode()).isEqualTo(415);
    }

    @Test
    void bodiesAboveEightMebibytesAreRefusedBeforeTheyAreRead() throws Exception {
        byte[] huge = new byte[9 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        HttpResponse<String> declared = new ServiceClient(port, null, null).post("/v1/decisions", huge, "application/json", null);
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(ArbiterJson.mapper().readTree(declared.body()).path("field").asString()).isEqualTo("(body)");

        HttpResponse<String> chunked = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create("http://localhost:" + port + "/v1/decisions"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("trader:trader-pw".getBytes(StandardCharsets.UTF_8)))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);
    }

    @Test
    void unknownDecisionIsNotFound() throws Exception {
        HttpResponse<String> response = get("/v1/decisions/dec-nope/trace");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("decision 'dec-nope' is not stored");
    }

    private HttpResponse<String> post(byte[] body, String contentType) throws Exception {
        return ServiceClient.as(port, "trader").post("/v1/decisions", body, contentType, null);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return ServiceClient.as(port, "trader").get(path);
    }
}
