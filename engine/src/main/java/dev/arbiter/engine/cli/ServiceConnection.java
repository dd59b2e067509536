package dev.arbiter.engine.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import picocli.CommandLine.Option;

/**
 * How a command reaches a running service: its address and who signs in. The password never appears on the
 * command line (it would land in shell history and process lists): it comes from ARBITER_PASSWORD or a file.
 */
final class ServiceConnection {

    @Option(names = "--server", paramLabel = "URL", description = "service address (default: $ARBITER_SERVER, else http://localhost:8080)")
    private String server;

    @Option(names = "--user", paramLabel = "USER", description = "user to sign in as (default: $ARBITER_USER)")
    private String user;

    @Option(names = "--password-file", paramLabel = "FILE", description = "file holding the password (default: $ARBITER_PASSWORD)")
    private Path passwordFile;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return http.send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    String server() {
        return firstOf(server, System.getenv("ARBITER_SERVER"), "http://localhost:8080");
    }

    private HttpRequest.Builder request(String path) throws IOException {
        String name = firstOf(user, System.getenv("ARBITER_USER"), null);
        if (name == null) {
            throw new IllegalArgumentException("--user: missing; name the user to sign in as (or set ARBITER_USER)");
        }
        String password = passwordFile != null ? Files.readString(passwordFile).strip()
                : firstOf(System.getenv("ARBITER_PASSWORD"), null);
        if (password == null) {
            throw new IllegalArgumentException("password: missing; set ARBITER_PASSWORD or pass --password-file FILE");
        }
        String credentials = Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(server() + path)).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Basic " + credentials);
    }

    private static String firstOf(String... values) {
        for (int i = 0; i < values.length - 1; i++) {
            if (values[i] != null && !values[i].isBlank()) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }
}
