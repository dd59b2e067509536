package dev.arbiter.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The image the build made, run as a container engine would run it, without one: its layers unpacked in order
 * from the OCI archive, its entrypoint and command started in that root with the image's environment, user and
 * working directory, in its own mount and process namespaces. It is configured as the shipped Kubernetes secret
 * configures it (every variable of {@code deploy/kubernetes/secret.example.yaml}, with real values: a fresh
 * PostgreSQL database, a bcrypt user, an API key). It must come up ready on its probes, take the README's first
 * decision (rules, sizing, proof and explanation on the image's own Java and libraries), keep it in PostgreSQL,
 * and stop gracefully on SIGTERM. Needs root (to change root and mount /proc and /dev), util-linux's unshare and
 * PostgreSQL; skips, saying so, without them.
 */
class ImageIT {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Path EXAMPLES = Path.of("../../docs/examples");

    private static Path root;
    private static JsonNode config;
    private static Process container;
    private static Path log;
    private static int port;
    private static DeployedDatabase database;
    private static Path blobs;
    private static final String KEY = "image-test-" + UUID.randomUUID();

    @BeforeAll
    static void startTheImage() throws Exception {
        Path archive = Path.of(System.getProperty("arbiter.image.tar", "target/jib-image.tar"));
        assumeThat(archive).as("the image archive (built in the package phase)").exists();
        assumeThat(System.getProperty("user.name")).as("running the image's root filesystem needs root").isEqualTo("root");
        assumeThat(run(List.of("unshare", "--version")).exitCode).as("util-linux's unshare").isZero();
        database = DeployedDatabase.create();

        root = Files.createTempDirectory(Path.of("target"), "image-root-").toAbsolutePath();
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x")); // as a container's root is
        config = unpack(archive, root);
        port = freePort();
        log = Path.of("target/image-it.log").toAbsolutePath();

        // The image's environment replaces this one, so the host's tools are named by their full paths. sh's $0 is
        // the root, then the working directory, user, group, mount and unshare; what follows is the image's command.
        String[] user = config.path("User").asString().split(":");
        List<String> command = new ArrayList<>(List.of(HostTools.path("unshare"), "--mount", "--pid", "--fork", HostTools.path("sh"), "-c",
                "root=$0 wd=$1 uid=$2 gid=$3 mount=$4 unshare=$5; shift 5; \"$mount\" --rbind /dev \"$root/dev\" &&"
                        + " \"$mount\" -t proc proc \"$root/proc\" && exec \"$unshare\" --root=\"$root\" --wd=\"$wd\""
                        + " --setuid \"$uid\" --setgid \"$gid\" \"$@\"",
                root.toString(), config.path("WorkingDir").asString(), user[0], user[1], HostTools.path("mount"),
                HostTools.path("unshare")));
        config.path("Entrypoint").forEach(arg -> command.add(arg.asString()));
        config.path("Cmd").forEach(arg -> command.add(arg.asString()));
        command.addAll(List.of("--port", String.valueOf(port))); // as a user would run it: the image's command, a port

        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        config.path("Env").forEach(entry -> {
            String[] pair = entry.asString().split("=", 2);
            builder.environment().put(pair[0], pair[1]);
        });
        builder.environment().put("SERVER_ADDRESS", "127.0.0.1");
        Map<String, String> secret = DeploymentFiles.secretExample();
        Map<String, String> values = Map.of(
                "ARBITER_DB_URL", database.url(),
                "ARBITER_DB_USER", database.user(),
                "ARBITER_DB_PASSWORD", "",
                "ARBITER_USERS", "officer:{bcrypt}" + new BCryptPasswordEncoder().encode("officer-pw") + ":risk-officer",
                "ARBITER_API_KEYS", "image-test:" + sha256Hex(KEY) + ":trader,auditor:*");
        assertThat(values.keySet()).as("the variables the shipped secret sets").isEqualTo(secret.keySet());
        builder.environment().putAll(values);
        container = builder.start();
        awaitReady(Duration.ofMinutes(4));
    }

    /**
     * Stopped as a container engine stops it: SIGTERM to the service (unshare, like an init, ignores it), which
     * finishes what is in flight and exits by itself.
     */
    @AfterAll
    static void stopTheImage() throws Exception {
        if (container == null) {
            return;
        }
        try {
        container.descendants().forEach(ProcessHandle::destroy);
        boolean exited = container.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            container.descendants().forEach(ProcessHandle::destroyForcibly);
            container.destroyForcibly();
        }
        assertThat(exited).as("the service stops on SIGTERM").isTrue();
        assertThat(Files.readString(log)).contains("Graceful shutdown complete");
        } finally {
            database.drop();
            run(List.of("rm", "-rf", root.toString(), blobs.toString())); // a few hundred megabytes each run
        }
    }

    @Test
    void theImageDeclaresAnUnprivilegedUserItsPortAndItsContents() throws Exception {
        assertThat(config.path("User").asString()).isEqualTo("10001:0");
        assertThat(config.path("ExposedPorts").has("8080/tcp")).isTrue();
        assertThat(config.path("Entrypoint").get(0).asString()).isEqualTo("/opt/java/bin/java");
        assertThat(config.path("Labels").path("org.opencontainers.image.version").asString()).isNotBlank();
        assertThat(Files.readString(root.resolve("usr/share/arbiter/debian-packages.txt")))
                .contains("libc6 ", "libstdc++6 ");
        assertThat(Files.readString(root.resolve("opt/java/release"))).contains("JAVA_VERSION=");
        assertThat(root.resolve("bin/sh")).as("no shell in the image").doesNotExist();
    }

    @Test
    void theServiceInTheImageIsReadyAndTakesTheReadmesFirstDecision() throws Exception {
        assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);

        String trader = "Bearer " + KEY;
        assertThat(send("PUT", "/v1/accounts/acct-1", trader, "account.json").statusCode()).isIn(200, 201);
        assertThat(send("POST", "/v1/market/bars", trader, "bars.json").statusCode()).isIn(200, 201, 202);
        assertThat(send("POST", "/v1/fills", trader, "fills.json").statusCode()).isIn(200, 201, 202);
        HttpResponse<String> decided = send("POST", "/v1/decisions", trader, "decision-request.json");
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(201);
        JsonNode answer = JSON.readTree(decided.body());
        assertThat(answer.path("decision").path("status").asString()).isEqualTo("APPROVED");

        String auditor = "Bearer " + KEY;
        JsonNode trace = JSON.readTree(get(answer.path("trace").asString(), auditor).body());
        assertThat(trace.path("proof").path("verdict").asString()).as("Z3 ran in the image").isEqualTo("PROVED");
        assertThat(trace.path("firings").size()).as("Drools ran in the image").isPositive();
        HttpResponse<String> explanation = get(answer.path("explanation").path("href").asString(), auditor);
        assertThat(explanation.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(explanation.body()).path("explanations").get(0).path("because").size())
                .as("Prolog worded the explanation in the image").isPositive();
        assertThat(JSON.readTree(get("/v1/audit/verify", auditor).body()).path("intact").asBoolean()).isTrue();
        assertThat(database.decisionsStored()).as("kept in the configured PostgreSQL").isEqualTo(1);
        assertThat(get("/v1/decisions", "Bearer arbiter-demo-trader").statusCode()).as("no demo key once configured")
                .isEqualTo(401);
    }

    /** The layers of the archive's one image, unpacked in order into {@code into}; returns the image's config. */
    private static JsonNode unpack(Path archive, Path into) throws Exception {
        blobs = Files.createTempDirectory(Path.of("target"), "image-archive-");
        assertThat(run(List.of("tar", "-xf", archive.toString(), "-C", blobs.toString())).exitCode).isZero();
        JsonNode index = JSON.readTree(blobs.resolve("index.json").toFile());
        JsonNode manifest = JSON.readTree(blob(blobs, index.path("manifests").get(0)).toFile());
        for (JsonNode layer : manifest.path("layers")) {
            assertThat(layer.path("mediaType").asString()).isEqualTo("application/vnd.oci.image.layer.v1.tar+gzip");
            Result unpacked = run(List.of("tar", "-xzpf", blob(blobs, layer).toString(), "-C", into.toString()));
            assertThat(unpacked.exitCode).as(unpacked.output).isZero();
        }
        return JSON.readTree(blob(blobs, manifest.path("config")).toFile()).path("config");
    }

    private static Path blob(Path blobs, JsonNode descriptor) {
        return blobs.resolve("blobs/sha256").resolve(descriptor.path("digest").asString().substring("sha256:".length()));
    }

    private static void awaitReady(Duration limit) throws Exception {
        Instant end = Instant.now().plus(limit);
        while (Instant.now().isBefore(end)) {
            if (!container.isAlive()) {
                throw new AssertionError("the image's service exited with " + container.exitValue() + ":\n" + tail());
            }
            try {
                if (get("/actuator/health/readiness", null).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(1_000);
        }
        throw new AssertionError("the image's service was not ready within " + limit + ":\n" + tail());
    }

    private static String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> send(String method, String path, String authorization, String example)
            throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofFile(EXAMPLES.resolve(example))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String sha256Hex(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command) throws Exception {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            return new Result(process.waitFor(), output);
        } catch (IOException missing) {
            return new Result(-1, missing.getMessage());
        }
    }
}
