package dev.arbiter.engine.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.engine.cli.ArbiterCli;
import dev.arbiter.engine.report.DecisionReport;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The CLI against a running service: a decision report saved to a file, and a rule-set change taken to activation. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CliAgainstServiceIT {

    @LocalServerPort
    private int port;

    @TempDir
    private Path dir;

    @BeforeAll
    static void needsPostgres() {
        PostgresScratch.assumeReachable();
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresScratch.register(registry, "cli");
    }

    @Test
    void savesTheReportOfAStoredDecision() throws Exception {
        ServiceClient.as(port, "trader").exampleAccount("acct-1");
        String id = ServiceClient.json(ServiceClient.as(port, "trader").post("/v1/decisions",
                RequestVariants.variant(1, "acct-1"))).path("decisionId").asString();
        Path out = dir.resolve("reports").resolve(id + ".html");

        assertThat(cli("auditor", "auditor-pw", "report", id, "--out", out.toString())).isZero();

        String page = Files.readString(out);
        DecisionReport.SECTIONS.forEach(section -> assertThat(page).contains("<h2>" + section + "</h2>"));
        assertThat(page).contains("Decision " + id, "Record hash");
        assertThat(cli("auditor", "auditor-pw", "report", "dec-unknown", "--out", dir.resolve("x.html").toString()))
                .isEqualTo(1);
        assertThat(cli("auditor", "wrong", "report", id, "--out", dir.resolve("y.html").toString())).isEqualTo(1);
    }

    @Test
    void takesALimitChangeFromUploadToActivation() throws Exception {
        Path pack = dir.resolve("pack");
        Files.createDirectories(pack.resolve("l3-account"));
        String limits = ServiceClient.json(ServiceClient.as(port, "risk-officer").get("/v1/rule-sets/cand-0001"))
                .path("files").path("limits.json").asString();
        Files.writeString(pack.resolve("limits.json"), limits.replaceFirst("\"max-daily-loss\"\\s*:\\s*[0-9.]+",
                "\"max-daily-loss\": 2000.0"));

        assertThat(cli("risk-officer", "risk-pw", "rules", "upload", pack.toString(), "limits.json", "--note",
                "same limit, written as a decimal")).isZero();
        String id = ServiceClient.json(ServiceClient.as(port, "risk-officer").get("/v1/rule-sets")).path("candidates")
                .get(1).path("id").asString();
        assertThat(cli("risk-officer", "risk-pw", "rules", "approve", id)).isEqualTo(1);
        assertThat(cli("risk-officer-2", "risk2-pw", "rules", "approve", id)).isZero();
        assertThat(cli("risk-officer", "risk-pw", "rules", "activate", id)).isZero();
        assertThat(ServiceClient.json(ServiceClient.as(port, "risk-officer").get("/v1/rule-sets/" + id))
                .path("status").asString()).isEqualTo("ACTIVE");
    }

    private int cli(String user, String password, String... command) throws Exception {
        Path passwordFile = Files.writeString(Files.createTempFile(dir, "pw", ".txt"), password);
        String[] args = new String[command.length + 6];
        System.arraycopy(command, 0, args, 0, command.length);
        System.arraycopy(new String[] {"--server", "http://localhost:" + port, "--user", user, "--password-file",
                passwordFile.toString()}, 0, args, command.length, 6);
        return ArbiterCli.execute(args);
    }
}
