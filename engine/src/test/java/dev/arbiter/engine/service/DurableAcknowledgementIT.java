package dev.arbiter.engine.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The embedded default's database file is forced to the disk before an acknowledgement leaves: every write answered
 * over real HTTP is counted by a force, overlapping requests share forces, and reads and callers refused at the
 * door force nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DurableAcknowledgementIT {

    private static final Pattern FORCES = Pattern.compile("(?m)^arbiter_store_disk_forces_total\\{[^}]*} ([0-9.E]+)$");

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void embeddedFileDatabase(DynamicPropertyRegistry registry) throws Exception {
        Path dir = Files.createTempDirectory("arbiter-durable");
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dir.resolve("arbiter")
                + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
        registry.add("arbiter.users", () -> PostgresScratch.USERS);
    }

    @Test
    void writesAreForcedBeforeTheyAreAcknowledgedAndOverlappingOnesShareAForce() throws Exception {
        ServiceClient trader = ServiceClient.as(port, "trader");
        ServiceClient admin = ServiceClient.as(port, "admin");
        List<String> accounts = List.of("acct-d1", "acct-d2", "acct-d3", "acct-d4");
        for (String account : accounts) {
            trader.exampleAccount(account);
        }
        double afterSetUp = forces(admin);
        assertThat(afterSetUp).as("opening balances, bars and fills were forced").isPositive();

        assertThat(trader.get("/v1/accounts/acct-d1").statusCode()).isEqualTo(200);
        assertThat(forces(admin)).as("a read forces nothing").isEqualTo(afterSetUp);
        assertThat(new ServiceClient(port, null, null).post("/v1/checks", "{}").statusCode()).isEqualTo(401);
        assertThat(ServiceClient.as(port, "auditor").post("/v1/fills", "{}").statusCode()).isEqualTo(403);
        assertThat(forces(admin)).as("a refused caller forces nothing").isEqualTo(afterSetUp);

        int checks = 24;
        ExecutorService clients = Executors.newFixedThreadPool(accounts.size());
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < checks; i++) {
            String account = accounts.get(i % accounts.size());
            String requestId = "durable-" + i;
            answers.add(clients.submit(() -> trader.post("/v1/checks", ServiceClient.exampleRequest(account, requestId))));
        }
        for (Future<HttpResponse<String>> answer : answers) {
            assertThat(answer.get().statusCode()).as(answer.get().body()).isEqualTo(201);
        }
        clients.shutdown();
        double forcedForChecks = forces(admin) - afterSetUp;
        assertThat(forcedForChecks).as("the checks were forced, never more often than they were answered")
                .isGreaterThanOrEqualTo(1).isLessThanOrEqualTo(checks);
    }

    private static double forces(ServiceClient admin) throws Exception {
        HttpResponse<String> metrics = admin.get("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        Matcher matcher = FORCES.matcher(metrics.body());
        assertThat(matcher.find()).as("the forces counter is exposed").isTrue();
        return Double.parseDouble(matcher.group(1));
    }
}
