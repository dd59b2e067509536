package dev.arbiter.engine.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.engine.cli.ArbiterCli;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The embedded default's durability: a separate service process on the H2 file database is killed
 * with SIGKILL in the middle of a load; after a restart every decision that was acknowledged (201)
 * is there, replays identically from its stored trace, and the audit chain verifies, over HTTP and
 * from the command line.
 *
 * <p>What this does not prove yet: the accounts' own state. Opening balances, bars, fills and the
 * working orders decisions leave are events of the engine's journal, which the service still keeps in
 * memory, so after the restart the accounts start empty. Each stored decision carries the state it
 * was decided from (the completed request with its journal position and state hash), which is why it
 * still replays; the journal's own durability is tested with the database journal.
 */
class KillNineIT {

    @TempDir
    Path workDir;

    @Test
    void everyAcknowledgedDecisionSurvivesKillNine() throws Exception {
        int port = freePort();
        Process service = start(port, "first");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger failedAfterKill = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(6);
        try {
            awaitReady(port, service);
            activateWiderCollar(port);
            ServiceClient setUp = new ServiceClient(port, "trader", "trader-demo");
            for (int t = 0; t < 6; t++) {
                setUp.exampleAccount("acct-k" + t);
            }
            for (int t = 0; t < 6; t++) {
                int thread = t;
                load.submit(() -> {
                    ServiceClient trader = new ServiceClient(port, "trader", "trader-demo");
                    for (int n = 0; running.get(); n++) {
                        try {
                            HttpResponse<String> r = trader.post("/v1/decisions", RequestVariants.variant(n, "acct-k" + thread));
                            if (r.statusCode() == 201) {
                                acknowledged.add(ServiceClient.json(r).path("decisionId").asString());
                            }
                        } catch (Exception e) {
                            failedAfterKill.incrementAndGet(); // the service is gone: nothing was acknowledged
                        }
                    }
                    return null;
                });
            }
            Instant until = Instant.now().plusSeconds(60);
            while (acknowledged.size() < 24 && Instant.now().isBefore(until)) {
                Thread.sleep(100);
            }
            assertThat(acknowledged).as("decisions acknowledged under load before the kill").hasSizeGreaterThanOrEqualTo(20);
            service.destroyForcibly(); // SIGKILL: no shutdown hook, no flush, no close
            service.waitFor(30, TimeUnit.SECONDS);
        } finally {
            running.set(false);
            load.shutdown();
            load.awaitTermination(60, TimeUnit.SECONDS);
            service.destroyForcibly();
        }
        List<String> acked = new ArrayList<>(acknowledged);

        Process restarted = start(port, "second");
        try {
            awaitReady(port, restarted);
            ServiceClient auditor = new ServiceClient(port, "auditor", "auditor-demo");
            List<String> missing = new ArrayList<>();
            for (String id : acked) {
                if (auditor.get("/v1/decisions/" + id).statusCode() != 200) {
                    missing.add(id);
                }
            }
            assertThat(missing).as("acknowledged decisions missing after kill -9 (of " + acked.size() + ")").isEmpty();
            for (String id : acked.subList(0, Math.min(5, acked.size()))) {
                HttpResponse<String> replay = auditor.post("/v1/decisions/" + id + "/replay", new byte[0]);
                assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
                assertThat(ServiceClient.json(replay).path("identical").asBoolean())
                        .as("decision %s replays from its stored trace after the restart: %s", id, replay.body()).isTrue();
            }
            System.out.println("KILL-9: " + acked.size() + " acknowledged decisions, all present after restart; "
                    + failedAfterKill.get() + " requests failed once the service was gone");
            JsonNode active = ServiceClient.json(auditor.get("/v1/rule-sets/active"));
            assertThat(active.path("decisions").path("limits").path("price-collar").decimalValue())
                    .as("a limit change activated through the lifecycle survives the restart").isEqualByComparingTo("0.07");
            HttpResponse<String> verify = auditor.get("/v1/audit/verify");
            assertThat(ServiceClient.json(verify).path("intact").asBoolean()).as(verify.body()).isTrue();
            assertThat(ServiceClient.json(verify).path("recordsChecked").asLong()).isGreaterThan(acked.size());
        } finally {
            restarted.destroy();
            if (!restarted.waitFor(60, TimeUnit.SECONDS)) {
                restarted.destroyForcibly();
            }
        }
        String database = "jdbc:h2:file:" + workDir.resolve("var").resolve("arbiter");
        assertThat(ArbiterCli.execute("audit", "verify", "--db-url", database)).isZero();
    }

    private Process start(int port, String name) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-Xmx768m", "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), ArbiterCli.class.getName(), "serve", "--port", String.valueOf(port))
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("service-" + name + ".log").toFile())
                .start();
    }

    private void awaitReady(int port, Process service) throws Exception {
        ServiceClient probe = new ServiceClient(port, null, null);
        Instant until = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(until)) {
            if (!service.isAlive()) {
                throw new AssertionError("the service exited with " + service.exitValue() + ":\n" + logs());
            }
            try {
                if (probe.get("/actuator/health/readiness").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the service did not become ready within 2 minutes:\n" + logs());
    }

    private String logs() throws IOException {
        StringBuilder all = new StringBuilder();
        try (var files = Files.list(workDir)) {
            for (Path log : files.filter(p -> p.toString().endsWith(".log")).sorted().toList()) {
                all.append(Files.readString(log));
            }
        }
        return all.toString();
    }

    /** Uploads the wider collar as one demo officer, approves it as the other and activates it. */
    private static void activateWiderCollar(int port) throws Exception {
        ServiceClient author = new ServiceClient(port, "risk-officer", "risk-officer-demo");
        ServiceClient approver = new ServiceClient(port, "risk-officer-2", "risk-officer-2-demo");
        String limits = ServiceClient.json(author.get("/v1/rule-sets/cand-0001")).path("files").path("limits.json").asString();
        HttpResponse<String> uploaded = author.post("/v1/rule-sets", WiderCollar.upload(limits, true, "wider collar"));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        String id = ServiceClient.json(uploaded).path("id").asString();
        assertThat(approver.post("/v1/rule-sets/" + id + "/approve", new byte[0]).statusCode()).isEqualTo(200);
        assertThat(author.post("/v1/rule-sets/" + id + "/activate", new byte[0]).statusCode()).isEqualTo(200);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
