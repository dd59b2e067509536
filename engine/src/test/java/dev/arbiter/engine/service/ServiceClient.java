package dev.arbiter.engine.service;

import dev.arbiter.engine.decision.ExampleRequests;
import dev.arbiter.engine.json.ArbiterJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The JDK's HTTP client against a running service, signed in as one user. */
final class ServiceClient {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String base;
    private final String authorization;

    ServiceClient(int port, String user, String password) {
        this.base = "http://localhost:" + port;
        this.authorization = user == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private ServiceClient(int port, String authorization) {
        this.base = "http://localhost:" + port;
        this.authorization = authorization;
    }

    /** The example request (docs/examples/decision-request.json) for {@code accountId}, under a request id of its own. */
    static String exampleRequest(String accountId, String requestId) {
        return new String(ExampleRequests.exampleBytes(), StandardCharsets.UTF_8).replace("acct-1", accountId)
                .replace("example-eth-usd-2023-03-15T13:35", requestId);
    }

    /** A machine client presenting an API key (or an identity provider's token). */
    static ServiceClient withKey(int port, String key) {
        return new ServiceClient(port, "Bearer " + key);
    }

    /** Signed in with the test users' passwords ({@link PostgresScratch#USERS}). */
    static ServiceClient as(int port, String role) {
        String password = switch (role) {
            case "risk-officer" -> "risk-pw";
            case "risk-officer-2" -> "risk2-pw";
            default -> role + "-pw";
        };
        return new ServiceClient(port, role, password);
    }

    HttpResponse<String> get(String path) throws Exception {
        return send(builder(path).GET());
    }

    /** A GET asking for one media type, e.g. a report as {@code text/html}. */
    HttpResponse<String> get(String path, String accept) throws Exception {
        return send(builder(path).header("Accept", accept).GET());
    }

    HttpResponse<String> delete(String path) throws Exception {
        return send(builder(path).DELETE());
    }

    HttpResponse<String> put(String path, String body) throws Exception {
        return send(builder(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> post(String path, byte[] body) throws Exception {
        return post(path, body, "application/json", null);
    }

    HttpResponse<String> post(String path, String body) throws Exception {
        return post(path, body.getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> post(String path, byte[] body, String contentType, String idempotencyKey) throws Exception {
        HttpRequest.Builder builder = builder(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (idempotencyKey != null) {
            builder.header("Idempotency-Key", idempotencyKey);
        }
        return send(builder);
    }

    /**
     * The documented example account under {@code accountId}, set up over HTTP the way a trading system does it: the
     * opening balance ({@code docs/examples/account.json}), the ETH-USD bars ({@code bars.json}) and the fill of its
     * 2 ETH ({@code fills.json}). An account already opened is left as it is (a second opening balance would be 409).
     *
     * @return the engine's view of the account
     */
    JsonNode exampleAccount(String accountId) throws Exception {
        HttpResponse<String> view = get("/v1/accounts/" + accountId);
        expect(view, 200);
        if (json(view).path("opened").asBoolean()) {
            return json(view);
        }
        expect(put("/v1/accounts/" + accountId, forAccount("account.json", accountId)), 201);
        HttpResponse<String> bars = post("/v1/market/bars", ExampleRequests.bytes("bars.json"));
        expect(bars, 200); // kept, or the identical newest bar ignored when another account brought them first
        HttpResponse<String> fills = post("/v1/fills", forAccount("fills.json", accountId));
        expect(fills, 200);
        if (!json(fills).path("refused").isEmpty()) {
            throw new AssertionError("the example fills were refused for " + accountId + ": " + fills.body());
        }
        return json(get("/v1/accounts/" + accountId));
    }

    /** An example file with every {@code accountId} in it set to {@code accountId}. */
    static String forAccount(String file, String accountId) {
        JsonNode tree = ArbiterJson.mapper().readTree(ExampleRequests.bytes(file));
        setAccount(tree, accountId);
        return ArbiterJson.mapper().writeValueAsString(tree);
    }

    private static void setAccount(JsonNode node, String accountId) {
        if (node instanceof ObjectNode object && object.has("accountId")) {
            object.put("accountId", accountId);
        }
        for (JsonNode child : node) {
            setAccount(child, accountId);
        }
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new AssertionError(response.request().method() + " " + response.uri().getPath() + " answered "
                    + response.statusCode() + ", expected " + status + ": " + response.body());
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        return ArbiterJson.mapper().readTree(response.body());
    }

    /** The data of the first event of a server-sent event stream (its {@code data:} lines joined), read as it arrives. */
    String firstEvent(String path) throws Exception {
        HttpResponse<java.util.stream.Stream<String>> response = java.net.http.HttpClient.newHttpClient().send(
                builder(path).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofLines());
        StringBuilder data = new StringBuilder();
        try (java.util.stream.Stream<String> lines = response.body()) {
            java.util.Iterator<String> it = lines.iterator();
            while (it.hasNext()) {
                String line = it.next();
                if (line.startsWith("data:")) {
                    data.append(line.substring(5)).append('\n');
                } else if (line.isEmpty() && !data.isEmpty()) {
                    return data.toString();
                }
            }
        }
        throw new AssertionError("the stream " + path + " ended before its first event");
    }

    private HttpRequest.Builder builder(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private static HttpResponse<String> send(HttpRequest.Builder builder) throws Exception {
        return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }
}
