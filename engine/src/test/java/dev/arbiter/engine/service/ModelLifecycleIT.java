package dev.arbiter.engine.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.engine.json.ArbiterJson;
import dev.arbiter.kb.fact.Bar;
import dev.arbiter.mlbridge.features.FeatureSets;
import dev.arbiter.mlbridge.marketdata.BarsReader;
import dev.arbiter.mlbridge.marketdata.SharedData;
import dev.arbiter.mlbridge.model.Algorithm;
import dev.arbiter.mlbridge.model.DatasetBuilder;
import dev.arbiter.mlbridge.model.ForwardReturnLabel;
import dev.arbiter.mlbridge.model.ModelMetadata;
import dev.arbiter.mlbridge.model.ModelRegistry;
import dev.arbiter.mlbridge.model.ModelTrainer;
import dev.arbiter.mlbridge.model.ValidationReport;
import dev.arbiter.mlbridge.model.WalkForward;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Models through their lifecycle over HTTP, by two risk officers, on Binance's real BTC/USDT hourly bars: three models
 * trained on 2023 to May 2026 and registered with their validation reports; the one-day-ahead trees refused at the
 * quality bar with the numbers; the hourly logistic model proposed by one officer, refused to its own author, approved
 * by the second and activated; decisions asking for the direction slot then run it (and nothing else: a registered
 * model nobody activated is refused); the hourly trees join it as an ensemble weighted by validation score; retire,
 * rollback (one approval from the command line); every step on an audit chain and in the period report. Reads the shared market data in place; skipped, saying so,
 * where it is absent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ModelLifecycleIT {

    private static final String FILE = "roshan7869-algotrading/spot_1h/BTC_USDT-1h.csv";
    private static final String SYMBOL = "BTC-USDT";
    private static final String ACCOUNT = "models-1";
    private static final Path REGISTRY = registryDirectory();
    private static List<Bar> recent;

    @LocalServerPort
    private int port;

    @BeforeAll
    static void trainAndRegister() throws Exception {
        PostgresScratch.assumeReachable();
        Optional<Path> file = SharedData.file(FILE);
        Assumptions.assumeTrue(file.isPresent(), "the shared market data (" + FILE + ") is not on this machine");
        List<Bar> bars = BarsReader.read(file.get(), BarsReader.Options.forSymbol(SYMBOL)).bars();
        List<Bar> window = bars.stream().filter(b -> !b.openTime().isBefore(Instant.parse("2023-01-01T00:00:00Z")))
                .toList();
        ModelRegistry registry = new ModelRegistry(REGISTRY);
        ModelTrainer trainer = new ModelTrainer(Clock.fixed(window.getLast().endTime(), ZoneOffset.UTC));
        WalkForward walkForward = new WalkForward(4, 4_000, 8_000, 24);
        for (Object[] spec : new Object[][] {{"logit-direction", Algorithm.LOGIT, 1}, {"gbt-direction", Algorithm.GBT, 1},
                {"gbt-day-direction", Algorithm.GBT, 24}}) {
            if (Files.exists(REGISTRY.resolve((String) spec[0]))) {
                continue;
            }
            ModelTrainer.Trained trained = trainer.train((String) spec[0], "2026-05-16", "model",
                    DatasetBuilder.build(window, FeatureSets.builtIn().get("model"), new ForwardReturnLabel((int) spec[2])),
                    Duration.ofHours(1), (Algorithm) spec[1], walkForward, 42);
            registry.register(trained.metadata(), trained.model());
        }
        recent = bars.subList(bars.size() - 300, bars.size());
    }

    @DynamicPropertySource
    static void service(DynamicPropertyRegistry registry) {
        PostgresScratch.register(registry, "models");
        registry.add("arbiter.models.dir", REGISTRY::toString);
    }

    @Test
    void twoOfficersTakeAModelTrainedOnRealBtcBarsThroughItsLifecycle() throws Exception {
        ServiceClient officer = ServiceClient.as(port, "risk-officer");
        ServiceClient second = ServiceClient.as(port, "risk-officer-2");
        ServiceClient trader = ServiceClient.as(port, "trader");
        openAccountWithBars(trader);

        // the one-day-ahead trees fall short of the bar: refused with the numbers, stored, never approvable
        ValidationReport day = metadata("gbt-day-direction").validation();
        HttpResponse<String> refused = officer.post("/v1/models/candidates", proposal("gbt-day-direction", "PRIMARY"));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        JsonNode problem = ServiceClient.json(refused);
        assertThat(problem.path("code").asString()).isEqualTo("BELOW_QUALITY_BAR");
        assertThat(problem.path("shortfalls").toString()).contains("log-loss " + r(day.outOfSample().logLoss())
                + " is above the bar's 0.6931");
        String refusedId = problem.path("candidateId").asString();
        assertThat(second.post("/v1/models/candidates/" + refusedId + "/approve", new byte[0]).statusCode()).isEqualTo(409);

        // nothing is active: a request for the slot, or for a registered model by name, is refused
        assertRefused(trader.post("/v1/decisions", request("r-none", "{\"symbol\": \"BTC-USDT\", \"purpose\": \"direction\"}",
                "logit-direction")), "models[0].purpose", "none is active");
        assertRefused(trader.post("/v1/decisions", request("r-named", "{\"symbol\": \"BTC-USDT\", \"model\": "
                + "\"logit-direction\", \"version\": \"2026-05-16\"}", "logit-direction")), "models[0].model",
                "only once two risk officers approved and activated it");

        // the hourly logistic model clears the bar; its author cannot approve it, nor activate it unapproved
        ValidationReport logit = metadata("logit-direction").validation();
        JsonNode proposed = created(officer.post("/v1/models/candidates", proposal("logit-direction", "PRIMARY")));
        String logitId = proposed.path("id").asString();
        assertThat(proposed.path("status").asString()).isEqualTo("AWAITING_APPROVAL");
        assertThat(proposed.path("validation").path("outOfSample").path("auc").doubleValue())
                .isEqualTo(logit.outOfSample().auc());
        assertThat(proposed.path("validation").path("baselines")).hasSize(2);
        assertThat(proposed.path("weight").doubleValue()).isEqualTo(logit.outOfSample().auc() - 0.5);
        assertThat(refusedStep(officer, logitId, "approve")).isEqualTo("SELF_APPROVAL");
        assertThat(refusedStep(officer, logitId, "activate")).isEqualTo("NOT_APPROVED");
        assertThat(step(second, logitId, "approve").path("approvedBy").asString()).isEqualTo("risk-officer-2");
        assertThat(step(officer, logitId, "activate").path("status").asString()).isEqualTo("ACTIVE");

        assertRefused(trader.post("/v1/decisions", request("r-old", "{\"symbol\": \"BTC-USDT\", \"model\": "
                + "\"logit-direction\", \"version\": \"2026-01-01\"}", "logit-direction")), "models[0].version",
                "the active version of logit-direction for BTC-USDT, '2026-05-16'");
        JsonNode alone = decide(trader, "r-logit");
        assertThat(models(alone)).containsExactly("logit-direction");
        assertThat(alone.path("modelPredictions").get(0).path("health").path("evidence").asString())
                .contains("rolling accuracy");

        // the hourly trees join as an ensemble member, weighted by validation score
        String gbtId = created(officer.post("/v1/models/candidates", proposal("gbt-direction", "PRIMARY")))
                .path("id").asString();
        // the same steps from the command line: the author is refused, the second officer approves
        assertThat(cli("risk-officer", "risk-pw", "models", "step", "approve", gbtId)).isEqualTo(1);
        assertThat(cli("risk-officer-2", "risk2-pw", "models", "step", "approve", gbtId)).isZero();
        JsonNode joined = ServiceClient.json(officer.post("/v1/models/candidates/" + gbtId + "/activate",
                "{\"alongside\": true}"));
        assertThat(joined.path("status").asString()).isEqualTo("ACTIVE");
        JsonNode ensemble = decide(trader, "r-ensemble");
        assertThat(models(ensemble)).containsExactly("logit-direction", "gbt-direction", "ensemble-direction");
        JsonNode members = ensemble.path("modelPredictions");
        double wLogit = logit.outOfSample().auc() - 0.5;
        double wGbt = metadata("gbt-direction").validation().outOfSample().auc() - 0.5;
        assertThat(members.get(2).path("probabilityUp").doubleValue()).isCloseTo(
                (wLogit * members.get(0).path("probabilityUp").doubleValue()
                        + wGbt * members.get(1).path("probabilityUp").doubleValue()) / (wLogit + wGbt),
                org.assertj.core.api.Assertions.within(1e-12));
        assertThat(members.get(0).path("use").path("kind").asString()).isEqualTo("MEMBER");

        // retire the trees, restore them alone by rollback, then restore the logistic model
        assertThat(step(second, gbtId, "retire").path("status").asString()).isEqualTo("RETIRED");
        assertThat(models(decide(trader, "r-retired"))).containsExactly("logit-direction");
        step(second, gbtId, "rollback");
        assertThat(models(decide(trader, "r-rolled-back"))).containsExactly("gbt-direction");
        assertThat(status(officer, logitId)).isEqualTo("RETIRED");
        step(officer, logitId, "rollback");
        assertThat(models(decide(trader, "r-restored"))).containsExactly("logit-direction");

        JsonNode active = ServiceClient.json(trader.get("/v1/models/active"));
        assertThat(active.path("active")).singleElement().satisfies(a -> {
            assertThat(a.path("model").asString()).isEqualTo("logit-direction");
            assertThat(a.path("activatedBy").asString()).isEqualTo("risk-officer");
            assertThat(a.path("approvedBy").asString()).isEqualTo("risk-officer-2");
        });
        assertThat(trader.post("/v1/models/candidates", proposal("logit-direction", "FALLBACK")).statusCode())
                .isEqualTo(403);
        String period = ServiceClient.as(port, "auditor").get("/v1/reports/period?from=2000-01-01T00:00:00Z&to="
                + Instant.now().plusSeconds(60)).body();
        assertThat(period).contains("Rule-set and model changes", "MODEL_REFUSED", "MODEL_APPROVED", "MODEL_ACTIVATED",
                "MODEL_RETIRED", "MODEL_ROLLED_BACK", "logit-direction 2026-05-16 for BTC-USDT direction");
        JsonNode verify = ServiceClient.json(ServiceClient.as(port, "auditor").get("/v1/audit/verify"));
        assertThat(verify.path("intact").asBoolean()).as(verify.toString()).isTrue();
    }

    private void openAccountWithBars(ServiceClient trader) throws Exception {
        HttpResponse<String> opened = trader.put("/v1/accounts/" + ACCOUNT, "{\"accountId\": \"" + ACCOUNT
                + "\", \"cash\": 100000, \"at\": \"" + recent.getFirst().openTime() + "\"}");
        assertThat(opened.statusCode()).as(opened.body()).isIn(200, 201);
        ObjectNode body = ArbiterJson.mapper().createObjectNode().put("symbol", SYMBOL).put("period", "PT1H");
        ArrayNode rows = body.putArray("bars");
        for (Bar b : recent) {
            rows.addObject().put("openTime", b.openTime().toString()).put("open", b.open()).put("high", b.high())
                    .put("low", b.low()).put("close", b.close()).put("volume", b.volume());
        }
        HttpResponse<String> kept = trader.post("/v1/market/bars", ArbiterJson.mapper().writeValueAsString(body));
        assertThat(kept.statusCode()).as(kept.body()).isEqualTo(200);
    }

    /** A decision asking for the direction slot, its intent acting on whatever predicts for it. */
    private JsonNode decide(ServiceClient trader, String requestId) throws Exception {
        HttpResponse<String> answer = trader.post("/v1/decisions", request(requestId,
                "{\"symbol\": \"BTC-USDT\", \"purpose\": \"direction\"}", "logit-direction", "gbt-direction",
                "ensemble-direction"));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        String id = ServiceClient.json(answer).path("decisionId").asString();
        return ServiceClient.json(trader.get("/v1/decisions/" + id + "/trace"));
    }

    private static String request(String requestId, String model, String... actedOn) {
        Bar last = recent.getLast();
        String price = last.close().setScale(2, java.math.RoundingMode.DOWN).toPlainString();
        String stop = last.close().multiply(new java.math.BigDecimal("0.97")).setScale(2, java.math.RoundingMode.DOWN)
                .toPlainString();
        List<String> names = new ArrayList<>();
        for (String m : actedOn) {
            names.add("\"" + m + "\"");
        }
        return "{\"requestId\": \"" + requestId + "\", \"asOf\": \"" + last.endTime().plusSeconds(30) + "\","
                + " \"account\": {\"accountId\": \"" + ACCOUNT + "\"}, \"models\": [" + model + "],"
                + " \"intents\": [{\"intentId\": \"i-1\", \"accountId\": \"" + ACCOUNT + "\", \"symbol\": \"" + SYMBOL
                + "\", \"side\": \"BUY\", \"quantity\": 0.01, \"limitPrice\": " + price + ", \"stopLoss\": " + stop
                + ", \"strategy\": \"client-ml\", \"conviction\": 0.6, \"models\": [" + String.join(", ", names) + "]}]}";
    }

    private static String proposal(String model, String role) {
        return "{\"model\": \"" + model + "\", \"version\": \"2026-05-16\", \"symbol\": \"" + SYMBOL
                + "\", \"purpose\": \"direction\", \"role\": \"" + role + "\", \"note\": \"trained on 2023 to May 2026\"}";
    }

    private static List<String> models(JsonNode trace) {
        List<String> names = new ArrayList<>();
        trace.path("modelPredictions").forEach(p -> names.add(p.path("model").asString()));
        return names;
    }

    private static ModelMetadata metadata(String name) throws Exception {
        return new ModelRegistry(REGISTRY).load(name, "2026-05-16").metadata();
    }

    private static JsonNode created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return ServiceClient.json(response);
    }

    private static JsonNode step(ServiceClient who, String id, String step) throws Exception {
        HttpResponse<String> response = who.post("/v1/models/candidates/" + id + "/" + step, new byte[0]);
        assertThat(response.statusCode()).as(step + ": " + response.body()).isEqualTo(200);
        return ServiceClient.json(response);
    }

    private static String refusedStep(ServiceClient who, String id, String step) throws Exception {
        HttpResponse<String> response = who.post("/v1/models/candidates/" + id + "/" + step, new byte[0]);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        return ServiceClient.json(response).path("code").asString();
    }

    private static String status(ServiceClient who, String id) throws Exception {
        return ServiceClient.json(who.get("/v1/models/candidates/" + id)).path("status").asString();
    }

    private static void assertRefused(HttpResponse<String> response, String field, String accepted) {
        assertThat(response.statusCode()).as(response.body()).isIn(400, 422);
        JsonNode problem = ServiceClient.json(response);
        assertThat(problem.path("field").asString()).as(response.body()).isEqualTo(field);
        assertThat(problem.path("accepted").asString()).as(response.body()).contains(accepted);
    }

    private int cli(String user, String password, String... command) throws Exception {
        Path passwordFile = Files.writeString(Files.createTempFile("arbiter-pw", ".txt"), password);
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of("--server", "http://localhost:" + port, "--user", user, "--password-file",
                passwordFile.toString()));
        return dev.arbiter.engine.cli.ArbiterCli.execute(args.toArray(String[]::new));
    }

    private static String r(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    private static Path registryDirectory() {
        try {
            return Files.createTempDirectory("arbiter-models-it");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
