package dev.arbiter.engine.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.engine.decision.DecisionResult;
import dev.arbiter.engine.decision.ExplanationTiming;
import dev.arbiter.engine.json.CanonicalJson;
import dev.arbiter.engine.json.DecisionRequestReader;
import dev.arbiter.engine.service.store.DecisionRepository;
import dev.arbiter.engine.service.store.StoredDecision;
import dev.arbiter.engine.state.EngineDecisions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The explanation after the acknowledgement, over real HTTP on the embedded H2 file database with the demo API keys: a
 * decision or check is answered before it is explained; every read of it (decision, trace, explanation, report, query,
 * replay) carries the explanation; a decision left unexplained by a crash between its acknowledgement and its
 * explanation is explained by the first read or by the next start; the audit chain covers the explanation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeferredExplanationIT {

    private static final AtomicInteger ACCOUNTS = new AtomicInteger();
    private static final Path DATA = temporaryDirectory();

    @LocalServerPort
    private int port;
    @Autowired
    private EngineDecisions engine;
    @Autowired
    private PipelinesByKind pipelines;
    @Autowired
    private DecisionRepository decisions;
    @Autowired
    private DecisionMetrics metrics;
    @Autowired
    private JdbcTemplate jdbc;

    @DynamicPropertySource
    static void embeddedDatabase(DynamicPropertyRegistry registry) {
        // the embedded default with no users or keys configured: the demo keys are on
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + DATA.resolve("arbiter")
                + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
        registry.add("arbiter.users", () -> "");
        registry.add("arbiter.api-keys", () -> "");
    }

    @Test
    void aCheckIsAnsweredBeforeItsExplanationAndEveryReadCarriesIt() throws Exception {
        String account = account();
        HttpResponse<String> answered = trader().post("/v1/checks", ServiceClient.exampleRequest(account, "r-check"));

        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(201);
        JsonNode answer = ServiceClient.json(answered);
        String id = answer.path("decisionId").asString();
        assertThat(answer.path("explanation").path("href").asString()).isEqualTo("/v1/decisions/" + id + "/explanation");
        assertThat(answer.path("explanation").path("ready").asBoolean()).isFalse();
        assertThat(answer.path("decision").path("proposals")).isNotEmpty()
                .allSatisfy(p -> assertThat(p.has("explanation")).as(p.toString()).isFalse());

        JsonNode explanation = ServiceClient.json(trader().get(answer.path("explanation").path("href").asString()));
        JsonNode trace = ServiceClient.json(trader().get("/v1/decisions/" + id + "/trace"));
        JsonNode decision = ServiceClient.json(trader().get("/v1/decisions/" + id));

        // the example's i-2 is outside the 5% price collar
        assertThat(explanation.path("explanations")).hasSize(2);
        assertThat(explanation.path("explanations")).filteredOn(e -> e.path("proposalId").asString().equals("i-2"))
                .singleElement().satisfies(e -> {
                    assertThat(e.path("status").asString()).isEqualTo("REJECTED");
                    assertThat(e.path("because").get(0).asString()).startsWith("rejected by L7-PRICE-COLLAR");
                });
        assertThat(trace.path("explanations")).isEqualTo(explanation.path("explanations"));
        for (JsonNode proposal : decision.path("proposals")) {
            JsonNode why = explanation.path("explanations").valueStream()
                    .filter(e -> e.path("proposalId").equals(proposal.path("proposalId"))).findFirst().orElseThrow();
            assertThat(proposal.path("explanation")).as(proposal.toString()).isEqualTo(why.path("because"));
            assertThat(proposal.path("status")).isEqualTo(why.path("status"));
        }
        String report = trader().get("/v1/decisions/" + id + "/report").body();
        assertThat(report).contains("rejected by L7-PRICE-COLLAR");

        // the same words as a decision explained at once: the replay decides and explains again, and compares
        JsonNode replay = ServiceClient.json(auditor().post("/v1/decisions/" + id + "/replay", "{}"));
        assertThat(replay.path("identical").asBoolean()).as(replay.toString()).isTrue();
        assertThat(verify().path("intact").asBoolean()).isTrue();
    }

    @Test
    void aRepeatedRequestIsAnsweredAsTheFirstAndSaysTheExplanationIsReady() throws Exception {
        String account = account();
        byte[] body = ServiceClient.exampleRequest(account, "r-repeat").getBytes(StandardCharsets.UTF_8);
        JsonNode first = ServiceClient.json(trader().post("/v1/decisions", body, "application/json", "key-" + account));
        String id = first.path("decisionId").asString();
        JsonNode explanation = ServiceClient.json(trader().get("/v1/decisions/" + id + "/explanation"));

        HttpResponse<String> again = trader().post("/v1/decisions", body, "application/json", "key-" + account);

        assertThat(again.statusCode()).isEqualTo(200);
        JsonNode repeat = ServiceClient.json(again);
        assertThat(repeat.path("repeated").asBoolean()).isTrue();
        assertThat(repeat.path("explanation").path("ready").asBoolean()).isTrue();
        assertThat(repeat.path("explanation").path("href").asString()).isEqualTo("/v1/decisions/" + id + "/explanation");
        assertThat(repeat.path("decision")).isEqualTo(first.path("decision"));
        assertThat(explanation.path("explanations")).hasSize(3);
    }

    @Test
    void aDecisionLeftUnexplainedByACrashIsExplainedByItsFirstRead() throws Exception {
        StoredDecision left = acknowledgedButNotExplained(account());
        assertThat(pending(left)).isTrue();

        JsonNode trace = ServiceClient.json(auditor().get("/v1/decisions/" + left.decisionId() + "/trace"));

        assertThat(trace.path("explanations")).hasSize(3);
        assertThat(pending(left)).as("explained and stored before the read answered").isFalse();
        assertThat(jdbc.queryForObject("select count(*) from audit_record where kind = 'EXPLANATION' and subject = ?",
                Integer.class, left.decisionId())).isEqualTo(1);
        JsonNode again = ServiceClient.json(auditor().get("/v1/decisions/" + left.decisionId() + "/trace"));
        assertThat(again).isEqualTo(trace);
        JsonNode replay = ServiceClient.json(auditor().post("/v1/decisions/" + left.decisionId() + "/replay", "{}"));
        assertThat(replay.path("identical").asBoolean()).as(replay.toString()).isTrue();
        JsonNode query = ServiceClient.json(auditor().post("/v1/decisions/" + left.decisionId() + "/explain",
                "{\"goal\": \"status('i-2', S)\"}"));
        assertThat(query.path("solutions").get(0).asString()).isEqualTo("S = rejected");
        assertThat(verify().path("intact").asBoolean()).isTrue();
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES) // a guard against waiting for ever, not a measure of speed
    void theNextStartExplainsWhatACrashLeftUnexplained() throws Exception {
        List<StoredDecision> left = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            left.add(acknowledgedButNotExplained(account()));
        }

        // what the service does at start-up
        try (DeferredExplanations restarted = new DeferredExplanations(decisions, pipelines, metrics, 1, 100)) {
            assertThat(restarted.takeUpWorkList()).isGreaterThanOrEqualTo(3);
            for (StoredDecision decision : left) {
                awaitExplained(decision);
            }
        }

        for (StoredDecision decision : left) {
            JsonNode stored = CanonicalJson.mapper().readTree(jdbc.queryForObject(
                    "select explanations_json from decision_explanation where decision_id = ?", String.class,
                    decision.decisionId()));
            JsonNode read = ServiceClient.json(auditor().get("/v1/decisions/" + decision.decisionId() + "/trace"));
            assertThat(read.path("explanations")).isEqualTo(stored);
        }
        assertThat(verify().path("intact").asBoolean()).isTrue();
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES) // a guard against waiting for ever, not a measure of speed
    void oneAccountsExplanationsAreStoredInTheOrderItsDecisionsWereMade() throws Exception {
        String first = account();
        String second = account();
        List<StoredDecision> firstAccount = new ArrayList<>();
        List<StoredDecision> secondAccount = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            firstAccount.add(acknowledgedButNotExplained(first));
            secondAccount.add(acknowledgedButNotExplained(second));
        }

        // two workers: the accounts' explanations run side by side, each account's one after another
        try (DeferredExplanations explaining = new DeferredExplanations(decisions, pipelines, metrics, 2, 100)) {
            explaining.takeUpWorkList();
            for (StoredDecision decision : firstAccount) {
                awaitExplained(decision);
            }
            for (StoredDecision decision : secondAccount) {
                awaitExplained(decision);
            }
        }

        for (List<StoredDecision> account : List.of(firstAccount, secondAccount)) {
            List<Long> decided = account.stream().map(d -> recordOf("DECISION", d)).toList();
            List<Long> explained = account.stream().map(d -> recordOf("EXPLANATION", d)).toList();
            assertThat(decided).isSorted();
            assertThat(explained).as("explanation records in decision order").isSorted();
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES) // a guard against waiting for ever, not a measure of speed
    void aWorkListLongerThanTheQueueIsExplainedBatchAfterBatch() throws Exception {
        List<StoredDecision> left = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            left.add(acknowledgedButNotExplained(account()));
        }

        try (DeferredExplanations explaining = new DeferredExplanations(decisions, pipelines, metrics, 1, 2)) {
            assertThat(explaining.takeUpWorkList()).isEqualTo(2);
            for (StoredDecision decision : left) {
                awaitExplained(decision);
            }
        }

        assertThat(left).allSatisfy(decision -> assertThat(recordOf("EXPLANATION", decision)).isPositive());
    }

    @Test
    void anEditedExplanationBreaksTheAuditChain() throws Exception {
        String account = account();
        String id = ServiceClient.json(trader().post("/v1/decisions", ServiceClient.exampleRequest(account, "r-edit")))
                .path("decisionId").asString();
        trader().get("/v1/decisions/" + id + "/explanation");
        String original = jdbc.queryForObject("select explanations_json from decision_explanation where decision_id = ?",
                String.class, id);
        assertThat(original).contains("rejected by L7-PRICE-COLLAR");
        long seq = jdbc.queryForObject("select seq from audit_record where kind = 'EXPLANATION' and subject = ?",
                Long.class, id);

        jdbc.update("update decision_explanation set explanations_json = ? where decision_id = ?",
                original.replace("rejected by L7-PRICE-COLLAR", "approved despite L7-PRICE-COLLAR"), id);
        JsonNode broken = verify();
        jdbc.update("update decision_explanation set explanations_json = ? where decision_id = ?", original, id);

        assertThat(broken.path("intact").asBoolean()).isFalse();
        assertThat(broken.path("firstBad").path("seq").asLong()).isEqualTo(seq);
        assertThat(broken.path("firstBad").path("kind").asString()).isEqualTo("EXPLANATION");
        assertThat(broken.path("firstBad").path("subject").asString()).isEqualTo(id);
        assertThat(broken.path("firstBad").path("problem").asString())
                .isEqualTo("the decision_explanation row " + id + " was edited after record " + seq + " vouched for it");
        assertThat(verify().path("intact").asBoolean()).isTrue();
    }

    @Test
    void anExplanationStoredBehindTheChainIsNamed() throws Exception {
        StoredDecision left = acknowledgedButNotExplained(account());

        jdbc.update("insert into decision_explanation (decision_id, trace_sha256, explanations_json, explained_at)"
                + " values (?, ?, ?, ?)", left.decisionId(), CanonicalJson.sha256(left.traceJson()), "[]",
                "2023-03-15T13:36:00Z");
        JsonNode broken = verify();
        jdbc.update("delete from decision_explanation where decision_id = ?", left.decisionId());

        assertThat(broken.path("intact").asBoolean()).isFalse();
        assertThat(broken.path("firstBad").path("kind").asString()).isEqualTo("EXPLANATION");
        assertThat(broken.path("firstBad").path("problem").asString()).isEqualTo("the explanation of decision "
                + left.decisionId() + " is stored but no audit record vouches for it (inserted behind the chain)");
        assertThat(verify().path("intact").asBoolean()).isTrue();
    }

    /**
     * A decision made, stored and acknowledged as the service does it, whose explanation was never queued: the state a
     * crash right after the acknowledgement leaves.
     */
    private StoredDecision acknowledgedButNotExplained(String account) {
        String id = "dec-" + UUID.randomUUID();
        DecisionResult result = engine.decide(id, DecisionRequestReader.readClient(ServiceClient.exampleRequest(account,
                        "r-" + id).getBytes(StandardCharsets.UTF_8)), pipelines.of(DecisionService.DECISION),
                ExplanationTiming.AFTER_ACKNOWLEDGEMENT);
        return decisions.store(result, DecisionService.DECISION, null, CanonicalJson.sha256(id)).join();
    }

    private long recordOf(String kind, StoredDecision decision) {
        return jdbc.queryForObject("select seq from audit_record where kind = ? and subject = ?", Long.class, kind,
                decision.decisionId());
    }

    private boolean pending(StoredDecision decision) {
        return jdbc.queryForObject("select count(*) from explanation_pending where decision_id = ?", Integer.class,
                decision.decisionId()) == 1;
    }

    /** Waits for the explanation without timing it: the test's guard timeout is the only limit. */
    private void awaitExplained(StoredDecision decision) throws InterruptedException {
        while (pending(decision)) {
            Thread.sleep(20);
        }
    }

    private String account() throws Exception {
        String account = "acct-later-" + ACCOUNTS.incrementAndGet();
        trader().exampleAccount(account);
        return account;
    }

    private JsonNode verify() throws Exception {
        return ServiceClient.json(auditor().get("/v1/audit/verify"));
    }

    private ServiceClient trader() {
        return ServiceClient.withKey(port, "arbiter-demo-trader");
    }

    private ServiceClient auditor() {
        return ServiceClient.withKey(port, "arbiter-demo-auditor");
    }

    private static Path temporaryDirectory() {
        try {
            Path directory = Files.createTempDirectory("arbiter-deferred-explanation");
            directory.toFile().deleteOnExit();
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
