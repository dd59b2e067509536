package dev.arbiter.cluster;

import dev.arbiter.engine.service.ArbiterService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The decision service as {@code ./arbiter serve} runs it, in this JVM, on a random port and an embedded H2 database
 * of its own, with the embedded database's demo API keys; and the JDK's HTTP client signed in as an administrator.
 */
final class RunningService implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String ADMIN_KEY = "arbiter-demo-admin";

    private final ConfigurableApplicationContext context;
    private final String base;

    private RunningService(ConfigurableApplicationContext context) {
        this.context = context;
        this.base = "http://localhost:" + context.getEnvironment().getRequiredProperty("local.server.port");
    }

    /** The single-process service: it keeps the accounts and decides itself. */
    static RunningService embedded(Path directory) {
        return start(directory, List.of());
    }

    /** The service in gateway mode in front of the job at {@code bootstrap}. */
    static RunningService gateway(Path directory, String bootstrap) {
        // generous: the job's workers may still be building their pipelines when the first request comes
        return start(directory, List.of("--arbiter.cluster.bootstrap=" + bootstrap,
                "--arbiter.cluster.answer-timeout=PT90S"));
    }

    private static RunningService start(Path directory, List<String> more) {
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:arbiter-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "--arbiter.store.force-to-disk=false",
                "--arbiter.models.dir=" + directory.resolve("models")));
        args.addAll(more);
        return new RunningService(new SpringApplication(ArbiterService.class).run(args.toArray(String[]::new)));
    }

    HttpResponse<String> get(String path) throws Exception {
        return send(request(path).GET());
    }

    HttpResponse<String> put(String path, String body) throws Exception {
        return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> post(String path, String body) throws Exception {
        return post(path, body, null);
    }

    HttpResponse<String> post(String path, String body, String idempotencyKey) throws Exception {
        HttpRequest.Builder builder = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            builder.header("Idempotency-Key", idempotencyKey);
        }
        return send(builder);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + ADMIN_KEY);
    }

    private static HttpResponse<String> send(HttpRequest.Builder builder) throws Exception {
        return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        context.close();
    }
}
