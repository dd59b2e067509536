package dev.arbiter.engine.service;

import dev.arbiter.engine.json.ArbiterJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import tools.jackson.databind.JsonNode;

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

    static JsonNode json(HttpResponse<String> response) {
        return ArbiterJson.mapper().readTree(response.body());
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
