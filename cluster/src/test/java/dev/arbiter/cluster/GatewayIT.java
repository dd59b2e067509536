package dev.arbiter.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.cluster.job.DecisionJob;
import dev.arbiter.cluster.job.JobSettings;
import dev.arbiter.engine.json.ArbiterJson;
import dev.arbiter.engine.json.Timings;
import dev.arbiter.engine.state.DeskEvent;
import dev.arbiter.engine.stream.Topics;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The service in gateway mode in front of the job: a real KRaft broker in this JVM, the job on a Flink MiniCluster
 * (parallelism 2, checkpoints every 300 ms) and the real service started with {@code arbiter.cluster.bootstrap}, on
 * an embedded H2 database and a random port, driven over HTTP. The same requests go first to the service in its
 * embedded mode: a client sees the same answers from both (a decision's id aside), reads the decision, its trace and
 * its explanation back the same way, and the gateway's audit chain verifies.
 */
class GatewayIT {

    private static final String ACCOUNT = "acct-gw";

    @TempDir
    static Path dir;

    @Test
    void answersAsTheEmbeddedServiceDoesWithTheJobDeciding() throws Exception {
        GatewayScript script = new GatewayScript(ACCOUNT);
        GatewayScript.Answers embedded;
        try (RunningService service = RunningService.embedded(dir.resolve("embedded"))) {
            embedded = script.run(service);
        }

        try (KafkaBroker broker = new KafkaBroker()) {
            Topics topics = Topics.defaults(broker.bootstrap());
            broker.create(topics, 4);
            JobClient job = startJob(topics, dir.resolve("job-models"));
            try (RunningService gateway = RunningService.gateway(dir.resolve("gateway"), broker.bootstrap())) {
                GatewayScript.Answers clustered = script.run(gateway);
                // healthy and ready while the brokers answer and hold the job's topics (down otherwise:
                // DecisionJobHealthTest)
                assertThat(gateway.get("/actuator/health").statusCode()).isEqualTo(200);
                assertThat(gateway.get("/actuator/health/readiness").statusCode()).isEqualTo(200);

                // opening an account, a deposit and its repeat recognised by its id: the same status and the same
                // account, as the job keeps it, but for where each one's journal stands
                assertSameAccount("opening", clustered.opened(), embedded.opened(), 201);
                assertThat(json(clustered.opened()).path("cash").decimalValue()).isPositive();
                assertThat(json(clustered.opened()).path("stateHash").asString()).hasSize(64);
                assertSameAccount("deposit", clustered.transferred(), embedded.transferred(), 201);
                assertSameAccount("repeated deposit", clustered.transferredAgain(), embedded.transferredAgain(), 200);
                assertThat(json(clustered.transferredAgain()).path("duplicate").asBoolean()).isTrue();

                // refusals by the account's state (409), fills, decisions, repeats, malformed and refused requests:
                // the same status and body, decision ids aside
                assertSameAnswer("second opening", clustered.openedAgain(), embedded.openedAgain(), 409);
                assertSameAnswer("fills", clustered.fills(), embedded.fills(), 200);
                // bars: kept here, or handed to the job's market topic; the same count, newest bar and position
                assertSameAnswer("bars", clustered.bars(), embedded.bars(), 200);
                assertSameAnswer("decision", clustered.decided(), embedded.decided(), 201);
                assertThat(json(clustered.decided()).path("decision").path("status").asString()).isEqualTo("APPROVED");
                assertThat(clustered.decided().headers().firstValue("Location"))
                        .hasValue("/v1/decisions/" + GatewayScript.decisionId(clustered.decided()));
                // a repeat says whether the explanation is stored by now: the gateway stores the job's with the decision
                assertThat(json(clustered.repeated()).path("explanation").path("ready").asBoolean()).isTrue();
                assertSameAnswer("repeat under the same Idempotency-Key", withoutReadiness(clustered.repeated()),
                        withoutReadiness(embedded.repeated()), 200);
                assertThat(GatewayScript.decisionId(clustered.repeated()))
                        .isEqualTo(GatewayScript.decisionId(clustered.decided()));
                assertSameAnswer("malformed request", clustered.malformed(), embedded.malformed(), 400);
                assertThat(json(clustered.malformed()).path("field").asString()).isEqualTo("intents[0].quantity");
                assertSameAnswer("request for an account never opened", clustered.unopened(), embedded.unopened(), 400);
                assertThat(json(clustered.unopened()).path("field").asString()).isNotBlank();

                // reads of the stored decision: explained, and the same as the embedded service's (timings aside)
                assertSameAnswer("stored decision", clustered.storedDecision(), embedded.storedDecision(), 200);
                assertThat(json(clustered.storedDecision()).path("proposals").get(0).path("explanation")).isNotEmpty();
                assertThat(withoutTimings(clustered.storedTrace())).isEqualTo(withoutTimings(embedded.storedTrace()));
                assertSameAnswer("explanation", clustered.explanation(), embedded.explanation(), 200);

                // an officer's halt of the instrument goes to every worker through the desk topic
                assertThat(clustered.halted().statusCode()).isEqualTo(201);
                assertThat(deskActions(broker.bootstrap(), topics.desk())).singleElement()
                        .satisfies(action -> assertThat(action.target()).isEqualTo("ETH-USD"));
                assertSameAnswer("decision after the halt", clustered.decidedWhileHalted(),
                        embedded.decidedWhileHalted(), 201);
                assertThat(json(clustered.decidedWhileHalted()).path("decision").path("status").asString())
                        .isEqualTo("HALTED");

                // the account's state lives in the job: reading it here is refused in our words
                assertThat(clustered.accountRead().statusCode()).isEqualTo(409);
                JsonNode refusal = json(clustered.accountRead());
                assertThat(refusal.path("detail").asString()).contains("GET /v1/accounts/" + ACCOUNT)
                        .contains("the decision job keeps").doesNotContain("Exception");

                // every stored decision and explanation is on the gateway's audit chain
                assertThat(clustered.audit().statusCode()).isEqualTo(200);
                assertThat(json(clustered.audit()).path("intact").asBoolean()).isTrue();
                assertThat(json(clustered.audit()).path("recordsChecked").asLong())
                        .isEqualTo(json(embedded.audit()).path("recordsChecked").asLong());

                System.out.printf("one decision's round trip, median of %d: embedded %.1f ms, gateway %.1f ms%n",
                        GatewayScript.TIMED, embedded.medianDecisionMillis(), clustered.medianDecisionMillis());
            } finally {
                job.cancel().get();
            }
        }
    }

    private static JobClient startJob(Topics topics, Path models) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(DecisionJob.configuration(2));
        env.enableCheckpointing(300);
        DecisionJob.onKafka(env, topics, JobSettings.shipped(models.toString()), "gateway-it");
        return env.executeAsync("decisions behind the gateway");
    }

    private static void assertSameAnswer(String what, HttpResponse<String> clustered, HttpResponse<String> embedded,
                                         int status) {
        assertSameAnswer(what, new Answer(clustered.statusCode(), clustered.body()),
                new Answer(embedded.statusCode(), embedded.body()), status);
    }

    private static void assertSameAnswer(String what, Answer clustered, Answer embedded, int status) {
        assertThat(embedded.status()).as("%s, embedded: %s", what, embedded.body()).isEqualTo(status);
        assertThat(clustered.status()).as("%s, gateway: %s", what, clustered.body()).isEqualTo(status);
        assertThat(GatewayScript.withoutIds(clustered.body())).as(what)
                .isEqualTo(GatewayScript.withoutIds(embedded.body()));
    }

    /**
     * The same status and account view from both, but for the journal's position and the state hash that covers it:
     * the job journals each account apart, the embedded service every account and all market data in one journal.
     */
    private static void assertSameAccount(String what, HttpResponse<String> clustered, HttpResponse<String> embedded,
                                          int status) {
        assertSameAnswer(what, new Answer(clustered.statusCode(), withoutJournalPlace(clustered.body())),
                new Answer(embedded.statusCode(), withoutJournalPlace(embedded.body())), status);
    }

    private static String withoutJournalPlace(String body) {
        ObjectNode answer = (ObjectNode) ArbiterJson.mapper().readTree(body);
        ObjectNode account = answer.path("account") instanceof ObjectNode nested ? nested : answer;
        assertThat(account.has("journalPosition")).as("an account view: %s", body).isTrue();
        account.remove(List.of("journalPosition", "stateHash"));
        return ArbiterJson.mapper().writeValueAsString(answer);
    }

    /** A status and a body. */
    private record Answer(int status, String body) {
    }

    /** An answer to a decision without whether its explanation is stored yet. */
    private static Answer withoutReadiness(HttpResponse<String> response) {
        ObjectNode body = (ObjectNode) json(response);
        ((ObjectNode) body.path("explanation")).remove("ready");
        return new Answer(response.statusCode(), ArbiterJson.mapper().writeValueAsString(body));
    }

    private static JsonNode json(HttpResponse<String> response) {
        return ArbiterJson.mapper().readTree(response.body());
    }

    private static String withoutTimings(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Timings.withoutTimings(ArbiterJson.mapper().readTree(GatewayScript.withoutIds(response.body())));
    }

    /** The desk topic as the job reads it: every officer's desk-wide action, as JSON of {@link DeskEvent}. */
    private static List<DeskEvent> deskActions(String bootstrap, String topic) {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", bootstrap);
        properties.put("group.id", "desk-reader-" + UUID.randomUUID());
        properties.put("auto.offset.reset", "earliest");
        properties.put("isolation.level", "read_committed");
        List<DeskEvent> actions = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (actions.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    actions.add(ArbiterJson.mapper().readValue(record.value(), DeskEvent.class));
                }
            }
        }
        return actions;
    }
}
