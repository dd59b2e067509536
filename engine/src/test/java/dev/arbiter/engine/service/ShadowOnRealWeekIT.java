package dev.arbiter.engine.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.arbiter.engine.decision.Order;
import dev.arbiter.engine.json.ArbiterJson;
import dev.arbiter.engine.service.store.ShadowTable;
import dev.arbiter.engine.shadow.ShadowDecision;
import dev.arbiter.engine.shadow.ShadowRunner;
import dev.arbiter.kb.fact.Bar;
import dev.arbiter.mlbridge.features.FeatureSets;
import dev.arbiter.mlbridge.features.FeatureUpdate;
import dev.arbiter.mlbridge.features.StreamingFeatures;
import dev.arbiter.mlbridge.marketdata.BarsReader;
import dev.arbiter.mlbridge.marketdata.SharedData;
import dev.arbiter.mlbridge.model.Algorithm;
import dev.arbiter.mlbridge.model.DatasetBuilder;
import dev.arbiter.mlbridge.model.ForwardReturnLabel;
import dev.arbiter.mlbridge.model.ModelPrediction;
import dev.arbiter.mlbridge.model.ModelRegistry;
import dev.arbiter.mlbridge.model.ModelTrainer;
import dev.arbiter.mlbridge.model.RegisteredModel;
import dev.arbiter.mlbridge.model.WalkForward;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A challenger rule set and a challenger model in shadow over a replayed real week: Binance's BTC/USDT hourly bars of 2 to 9 October 2023
 * (read from the shared market data, skipped where it is absent) are fed to the service the way a trading system feeds
 * the engine, and each hour a BUY acting on a logistic model trained on the bars before the week is decided. The
 * challenger caps orders at 0.05 BTC and lowers the model-confidence gate from 0.55 to 0.05. The report is checked against an independent
 * computation: the decisions that change are exactly those with a proposal asking more than 0.05 or refused by the
 * champion's confidence gate at a confidence the challenger's lets through; the model's accuracy, Brier score and the P&L of each side's orders follow from the file's own
 * closes six bars on. The challenger model, gradient-boosted trees trained on the same bars and proposed (awaiting
 * approval) while the logistic model is the active one, decides each hour with itself in the logistic model's place:
 * its predictions equal the registered model's own on the same 300 bars the engine keeps, and its accuracy, Brier
 * score and the P&L of the orders that would have acted on it follow from the file's closes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ShadowOnRealWeekIT {

    private static final String FILE = "roshan7869-algotrading/spot_1h/BTC_USDT-1h.csv";
    private static final String SYMBOL = "BTC-USDT";
    private static final String MODEL = "logit-btc-1h";
    private static final String VERSION = "2023-10-02";
    private static final String CHALLENGER_MODEL = "gbt-btc-1h";
    private static final int HORIZON = 6;
    private static final Instant WEEK = Instant.parse("2023-10-02T00:00:00Z");
    private static final int HOURS = 7 * 24;
    private static final BigDecimal MAX_QUANTITY = new BigDecimal("0.05");
    /** The challenger's model-confidence gate; the champion's is 0.55. (At 0 the analysis finds the rule dead.) */
    private static final double MIN_CONFIDENCE = 0.05;
    private static final String ACCOUNT = "acct-week";
    private static final Path DATA = temporaryDirectory("arbiter-shadow-week");
    private static final Path MODELS = temporaryDirectory("arbiter-shadow-week-models");

    private static List<Bar> bars;

    @LocalServerPort
    private int port;
    @Autowired
    private ShadowRunner runner;
    @Autowired
    private ShadowTable shadows;

    @BeforeAll
    static void realBarsAndAModelTrainedBeforeTheWeek() throws Exception {
        Optional<Path> file = SharedData.file(FILE);
        Assumptions.assumeTrue(file.isPresent(), "the shared market data (" + FILE + ") is not on this machine; set "
                + SharedData.VARIABLE + " or put it in ../shared/data");
        bars = BarsReader.read(file.get(), BarsReader.Options.forSymbol(SYMBOL)).bars();
        List<Bar> training = bars.stream().filter(b -> !b.openTime().isBefore(Instant.parse("2023-08-20T00:00:00Z"))
                && !b.endTime().isAfter(WEEK)).toList();
        ModelTrainer.Trained trained = new ModelTrainer(Clock.fixed(WEEK, ZoneOffset.UTC)).train(MODEL, VERSION,
                "model", DatasetBuilder.build(training, FeatureSets.builtIn().get("model"), new ForwardReturnLabel(HORIZON)),
                Duration.ofHours(1), Algorithm.LOGIT, new WalkForward(2, 600, 1_000, HORIZON), 7);
        new ModelRegistry(MODELS).register(trained.metadata(), trained.model());
        ModelTrainer.Trained trees = new ModelTrainer(Clock.fixed(WEEK, ZoneOffset.UTC)).train(CHALLENGER_MODEL, VERSION,
                "model", DatasetBuilder.build(training, FeatureSets.builtIn().get("model"), new ForwardReturnLabel(HORIZON)),
                Duration.ofHours(1), Algorithm.GBT, new WalkForward(2, 600, 1_000, HORIZON), 7);
        new ModelRegistry(MODELS).register(trees.metadata(), trees.model());
    }

    @DynamicPropertySource
    static void embeddedDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + DATA.resolve("arbiter")
                + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
        registry.add("arbiter.users", () -> PostgresScratch.USERS);
        registry.add("arbiter.api-keys", () -> "");
        registry.add("arbiter.models.dir", MODELS::toString);
        // six weeks of hours give a few hundred out-of-sample predictions, short of the shipped bar's thousand and
        // too few to hold the rest of it to: this desk's bar asks only for a hundred, so the week is about the shadow
        registry.add("arbiter.models.quality-bar.min-samples", () -> "100");
        registry.add("arbiter.models.quality-bar.min-accuracy-lift", () -> "-1");
        registry.add("arbiter.models.quality-bar.max-log-loss", () -> "10");
        registry.add("arbiter.models.quality-bar.min-auc", () -> "0");
        registry.add("arbiter.models.quality-bar.max-fold-spread", () -> "1");
        registry.add("arbiter.models.quality-bar.max-calibration-error", () -> "1");
    }

    @Test
    void aChallengerInShadowOverARealWeekIsReportedAsTheBarsSay() throws Exception {
        int first = indexOf(WEEK);
        List<Bar> warmUp = bars.subList(first - 300, first);
        ServiceClient trader = ServiceClient.as(port, "trader");
        expect(trader.put("/v1/accounts/" + ACCOUNT, ArbiterJson.mapper().writeValueAsString(Map.of("accountId",
                ACCOUNT, "cash", 100_000, "at", warmUp.getFirst().openTime().toString()))), 201);
        expect(trader.post("/v1/market/bars", barsBody(warmUp)), 200);

        // the logistic model decides (two officers made it active); the trees are proposed and run in shadow
        String logitId = propose(MODEL);
        expect(ServiceClient.as(port, "risk-officer-2").post("/v1/models/candidates/" + logitId + "/approve",
                new byte[0]), 200);
        expect(officer().post("/v1/models/candidates/" + logitId + "/activate", new byte[0]), 200);
        String treesId = propose(CHALLENGER_MODEL);
        expect(officer().post("/v1/models/candidates/" + treesId + "/shadow", new byte[0]), 200);
        String modelChallengerId = "model:" + treesId;

        String candidateId = uploadChallenger();
        expect(officer().post("/v1/rule-sets/" + candidateId + "/shadow", new byte[0]), 200);
        String challengerId = "rule-set:" + candidateId;

        Map<String, BigDecimal> askedByDecision = new LinkedHashMap<>();
        for (int h = 0; h < HOURS; h++) {
            Bar bar = bars.get(first + h);
            expect(trader.post("/v1/market/bars", barsBody(List.of(bar))), 200);
            BigDecimal quantity = new BigDecimal("0.01").multiply(BigDecimal.valueOf(1 + (h * 7) % 10));
            HttpResponse<String> made = trader.post("/v1/decisions", request(h, bar, quantity));
            assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
            askedByDecision.put(ServiceClient.json(made).path("decisionId").asString(), quantity);
        }
        assertThat(runner.awaitQuiet(Duration.ofMinutes(10))).isTrue();

        JsonNode report = ServiceClient.json(expect(officer().get("/v1/shadow/" + challengerId + "/report?from="
                + WEEK + "&to=" + WEEK.plus(Duration.ofHours(HOURS + 1))), 200));

        // the independent computation, from the champion's decisions and traces and from the file's bars
        Set<String> expectedChanged = new TreeSet<>();
        Map<String, JsonNode> championTraces = new HashMap<>();
        Map<String, JsonNode> championDecisions = new HashMap<>();
        for (String id : askedByDecision.keySet()) {
            JsonNode decision = ServiceClient.json(expect(trader.get("/v1/decisions/" + id), 200));
            championDecisions.put(id, decision);
            JsonNode trace = ServiceClient.json(expect(trader.get("/v1/decisions/" + id + "/trace"), 200));
            championTraces.put(id, trace);
            boolean gateLifted = trace.path("modelPredictions").valueStream()
                    .anyMatch(p -> p.path("confidence").asDouble() >= MIN_CONFIDENCE);
            for (JsonNode proposal : decision.path("proposals")) {
                if (proposal.path("requestedQuantity").decimalValue().compareTo(MAX_QUANTITY) > 0
                        || gateLifted && proposal.path("reasonCodes").toString().contains("L5-LOW-CONFIDENCE")) {
                    expectedChanged.add(id);
                }
            }
        }
        assertThat(report.path("compared").asInt()).isEqualTo(HOURS);
        assertThat(report.path("changed").asInt()).isEqualTo(expectedChanged.size());
        Set<String> listed = new TreeSet<>();
        report.path("changedDecisions").forEach(c -> listed.add(c.path("decisionId").asString()));
        assertThat(listed).isEqualTo(expectedChanged);
        for (JsonNode changed : report.path("changedDecisions")) {
            assertThat(changed.path("rulesResponsible")).as(changed.toString()).isNotEmpty();
            assertThat(changed.path("rulesResponsible").toString()).as(changed.toString())
                    .containsAnyOf("L1-MAX-ORDER-QTY", "L5-LOW-CONFIDENCE");
        }

        int statusChanged = 0;
        for (String id : askedByDecision.keySet()) {
            String shadowStatus = shadows.find(id, challengerId).orElseThrow().decision().status().name();
            statusChanged += shadowStatus.equals(championDecisions.get(id).path("status").asString()) ? 0 : 1;
        }
        int reportedStatusChanges = 0;
        for (JsonNode change : report.path("statusChanges")) {
            reportedStatusChanges += change.path("decisions").asInt();
        }
        assertThat(reportedStatusChanges).isEqualTo(statusChanged);

        Instant lastSeen = bars.get(first + HOURS - 1).endTime();
        Expected champion = expected(championTraces, id -> orders(championDecisions.get(id)), lastSeen);
        Expected challenger = expected(championTraces, id -> shadows.find(id, challengerId).orElseThrow().decision()
                .orders().stream().map(o -> new Marked(o.proposalId(), o.side().name(), o.quantity(), o.price())).toList(),
                lastSeen);
        JsonNode championScore = score(report, "champion");
        JsonNode challengerScore = score(report, "challenger");
        for (JsonNode[] side : List.of(new JsonNode[] {championScore}, new JsonNode[] {challengerScore})) {
            JsonNode s = side[0];
            assertThat(s.path("predictions").asInt()).isEqualTo(champion.predictions());
            assertThat(s.path("resolved").asInt()).isEqualTo(champion.resolved());
            assertThat(s.path("unresolved").asInt()).isEqualTo(champion.predictions() - champion.resolved());
            assertThat(s.path("accuracy").asDouble()).isCloseTo(champion.accuracy(), within(1e-12));
            assertThat(s.path("brierScore").asDouble()).isCloseTo(champion.brier(), within(1e-12));
        }
        assertThat(championScore.path("ordersMarked").asInt()).isEqualTo(champion.ordersMarked());
        assertThat(championScore.path("pnl").decimalValue()).isEqualByComparingTo(champion.pnl());
        assertThat(challengerScore.path("ordersMarked").asInt()).isEqualTo(challenger.ordersMarked());
        assertThat(challengerScore.path("ordersUnresolved").asInt()).isEqualTo(challenger.ordersUnresolved());
        assertThat(challengerScore.path("pnl").decimalValue()).isEqualByComparingTo(challenger.pnl());
        int calibrated = 0;
        for (JsonNode bin : challengerScore.path("calibration")) {
            calibrated += bin.path("predictions").asInt();
        }
        assertThat(calibrated).isEqualTo(champion.resolved());

        System.out.printf("SHADOW WEEK %s..%s: %d decisions compared, %d would have changed; status changes %s;"
                        + " %s: %d predictions, %d resolved, accuracy %.4f, Brier %.4f; champion %d orders marked,"
                        + " P&L %s; challenger %d orders marked, P&L %s%n", WEEK, WEEK.plus(Duration.ofHours(HOURS)),
                report.path("compared").asInt(), report.path("changed").asInt(), report.path("statusChanges"),
                MODEL + "@" + VERSION, champion.predictions(), champion.resolved(), champion.accuracy(), champion.brier(),
                champion.ordersMarked(), champion.pnl().toPlainString(), challenger.ordersMarked(),
                challenger.pnl().toPlainString());
        modelChallengerReported(modelChallengerId, first, askedByDecision.keySet(), championDecisions, champion,
                lastSeen);
        JsonNode verify = ServiceClient.json(expect(ServiceClient.as(port, "auditor").get("/v1/audit/verify"), 200));
        assertThat(verify.path("intact").asBoolean()).as(verify.toString()).isTrue();
    }

    /**
     * The model challenger's report against the bars: each hour its prediction is the registered trees' own on the 300
     * bars the engine kept; its accuracy, Brier score and the P&L of the orders acting on it come from the file's
     * closes; the decisions it would have changed are those whose status or intent verdict differs from the champion's.
     */
    private void modelChallengerReported(String challengerId, int first, Set<String> decisionIds,
                                         Map<String, JsonNode> championDecisions, Expected champion, Instant lastSeen)
            throws Exception {
        JsonNode report = ServiceClient.json(expect(officer().get("/v1/shadow/" + challengerId + "/report?from="
                + WEEK + "&to=" + WEEK.plus(Duration.ofHours(HOURS + 1))), 200));
        RegisteredModel trees = new ModelRegistry(MODELS).load(CHALLENGER_MODEL, VERSION);
        Map<Instant, Double> probabilityByTime = new HashMap<>();
        Set<String> changed = new TreeSet<>();
        int marked = 0;
        BigDecimal pnl = BigDecimal.ZERO;
        int hour = 0;
        for (String id : decisionIds) {
            ShadowDecision shadow = shadows.find(id, challengerId).orElseThrow();
            ModelPrediction predicted = shadow.modelPredictions().stream()
                    .filter(p -> p.model().equals(CHALLENGER_MODEL)).findFirst().orElseThrow();
            StreamingFeatures features = new StreamingFeatures(SYMBOL, Duration.ofHours(1),
                    FeatureSets.builtIn().get(trees.metadata().featureSet()));
            FeatureUpdate last = null;
            for (Bar kept : bars.subList(first + hour - 299, first + hour + 1)) {
                last = features.accept(kept);
            }
            assertThat(predicted.probabilityUp()).as("hour %d", hour)
                    .isCloseTo(trees.predict(last).probabilityUp(), within(1e-12));
            probabilityByTime.put(predicted.time(), predicted.probabilityUp());
            if (!verdicts(championDecisions.get(id)).equals(verdicts(ArbiterJson.mapper().readTree(
                    ArbiterJson.mapper().writeValueAsString(shadow.decision()))))) {
                changed.add(id);
            }
            for (Order order : shadow.decision().orders()) {
                boolean onTheTrees = shadow.proposals().stream().anyMatch(p -> p.proposalId().equals(order.proposalId())
                        && p.models().contains(CHALLENGER_MODEL));
                Optional<BigDecimal> later = closeAfter(predicted.time(), lastSeen);
                if (onTheTrees && later.isPresent()) {
                    BigDecimal move = later.get().subtract(order.price());
                    pnl = pnl.add((order.side().name().equals("BUY") ? move : move.negate()).multiply(order.quantity()));
                    marked++;
                }
            }
            hour++;
        }
        assertThat(report.path("compared").asInt()).isEqualTo(HOURS);
        assertThat(report.path("changed").asInt()).isEqualTo(changed.size());
        Set<String> listed = new TreeSet<>();
        report.path("changedDecisions").forEach(c -> listed.add(c.path("decisionId").asString()));
        assertThat(listed).isEqualTo(changed);

        int resolved = 0;
        int right = 0;
        double brier = 0;
        for (Map.Entry<Instant, Double> prediction : probabilityByTime.entrySet()) {
            Optional<BigDecimal> later = closeAfter(prediction.getKey(), lastSeen);
            if (later.isPresent()) {
                int up = later.get().compareTo(bars.get(indexOf(prediction.getKey().minus(Duration.ofHours(1)))).close())
                        > 0 ? 1 : 0;
                resolved++;
                right += (prediction.getValue() > 0.5 ? 1 : 0) == up ? 1 : 0;
                brier += (prediction.getValue() - up) * (prediction.getValue() - up);
            }
        }
        JsonNode score = scoreOf(report, "challenger", CHALLENGER_MODEL);
        assertThat(score.path("predictions").asInt()).isEqualTo(probabilityByTime.size()).isEqualTo(HOURS);
        assertThat(score.path("resolved").asInt()).isEqualTo(resolved);
        assertThat(score.path("accuracy").asDouble()).isCloseTo((double) right / resolved, within(1e-12));
        assertThat(score.path("brierScore").asDouble()).isCloseTo(brier / resolved, within(1e-12));
        assertThat(score.path("ordersMarked").asInt()).isEqualTo(marked);
        assertThat(score.path("pnl").decimalValue()).isEqualByComparingTo(pnl);
        JsonNode logit = scoreOf(report, "champion", MODEL);
        assertThat(logit.path("accuracy").asDouble()).isCloseTo(champion.accuracy(), within(1e-12));
        System.out.printf("SHADOW WEEK model challenger %s@%s: %d decisions compared, %d would have changed; %d"
                        + " predictions, %d resolved, accuracy %.4f (champion %.4f), Brier %.4f (champion %.4f);"
                        + " %d orders marked, P&L %s%n", CHALLENGER_MODEL, VERSION, report.path("compared").asInt(),
                changed.size(), probabilityByTime.size(), resolved, (double) right / resolved, champion.accuracy(),
                brier / resolved, champion.brier(), marked, pnl.toPlainString());
    }

    /** A decision's status and, per proposal, its status, final quantity and reason codes: what a change is. */
    private static Map<String, String> verdicts(JsonNode decision) {
        Map<String, String> verdicts = new java.util.TreeMap<>();
        verdicts.put("status", decision.path("status").asString());
        for (JsonNode p : decision.path("proposals")) {
            verdicts.put(p.path("proposalId").asString(), p.path("status").asString() + " "
                    + p.path("finalQuantity").decimalValue().stripTrailingZeros().toPlainString() + " "
                    + new TreeSet<>(p.path("reasonCodes").valueStream().map(JsonNode::asString).toList()));
        }
        return verdicts;
    }

    /** Proposes a registered model for BTC-USDT's direction; the desk's bar lets it through to approval. */
    private String propose(String model) throws Exception {
        JsonNode candidate = ServiceClient.json(expect(officer().post("/v1/models/candidates",
                ArbiterJson.mapper().writeValueAsString(Map.of("model", model, "version", VERSION, "symbol", SYMBOL,
                        "purpose", "direction", "note", "trained on the six weeks before the week"))), 201));
        return candidate.path("id").asString();
    }

    /** An order as marked: its proposal, side, quantity and price. */
    private record Marked(String proposalId, String side, BigDecimal quantity, BigDecimal price) {
    }

    private record Expected(int predictions, int resolved, double accuracy, double brier, int ordersMarked,
                            int ordersUnresolved, BigDecimal pnl) {
    }

    /**
     * The model's figures from the file's closes: distinct predictions by time, each resolved by the close six bars
     * after the bar that ended at its time when that bar was fed by the end of the week; and the orders on proposals
     * acting on the model, marked at that close.
     */
    private Expected expected(Map<String, JsonNode> traces, java.util.function.Function<String, List<Marked>> ordersOf,
                              Instant lastSeen) {
        Map<Instant, Double> probabilityByTime = new HashMap<>();
        int marked = 0;
        int unresolvedOrders = 0;
        BigDecimal pnl = BigDecimal.ZERO;
        for (Map.Entry<String, JsonNode> entry : traces.entrySet()) {
            JsonNode trace = entry.getValue();
            Map<String, Instant> predictionTime = new HashMap<>();
            for (JsonNode p : trace.path("modelPredictions")) {
                Instant time = Instant.parse(p.path("time").asString());
                probabilityByTime.put(time, p.path("probabilityUp").asDouble());
                predictionTime.put(p.path("model").asString(), time);
            }
            Map<String, Boolean> actsOnModel = new HashMap<>();
            trace.path("proposals").forEach(p -> actsOnModel.put(p.path("proposalId").asString(),
                    p.path("models").toString().contains("\"" + MODEL + "\"")));
            for (Marked order : ordersOf.apply(entry.getKey())) {
                Instant time = predictionTime.get(MODEL);
                if (!actsOnModel.getOrDefault(order.proposalId(), false) || time == null) {
                    continue;
                }
                Optional<BigDecimal> later = closeAfter(time, lastSeen);
                if (later.isEmpty()) {
                    unresolvedOrders++;
                    continue;
                }
                BigDecimal move = later.get().subtract(order.price());
                pnl = pnl.add((order.side().equals("BUY") ? move : move.negate()).multiply(order.quantity()));
                marked++;
            }
        }
        int resolved = 0;
        int right = 0;
        double brier = 0;
        for (Map.Entry<Instant, Double> prediction : probabilityByTime.entrySet()) {
            int at = indexOf(prediction.getKey().minus(Duration.ofHours(1)));
            Optional<BigDecimal> later = closeAfter(prediction.getKey(), lastSeen);
            if (later.isEmpty()) {
                continue;
            }
            int up = later.get().compareTo(bars.get(at).close()) > 0 ? 1 : 0;
            double p = prediction.getValue();
            resolved++;
            right += (p > 0.5 ? 1 : 0) == up ? 1 : 0;
            brier += (p - up) * (p - up);
        }
        return new Expected(probabilityByTime.size(), resolved, (double) right / resolved, brier / resolved, marked,
                unresolvedOrders, pnl);
    }

    /** The close {@link #HORIZON} bars after the bar that ended at {@code time}, if that bar was fed by {@code lastSeen}. */
    private static Optional<BigDecimal> closeAfter(Instant time, Instant lastSeen) {
        int at = indexOf(time.minus(Duration.ofHours(1)));
        Bar later = bars.get(at + HORIZON);
        return later.endTime().isAfter(lastSeen) ? Optional.empty() : Optional.of(later.close());
    }

    private static List<Marked> orders(JsonNode decision) {
        List<Marked> orders = new ArrayList<>();
        decision.path("orders").forEach(o -> orders.add(new Marked(o.path("proposalId").asString(),
                o.path("side").asString(), o.path("quantity").decimalValue(), o.path("price").decimalValue())));
        return orders;
    }

    private static JsonNode score(JsonNode report, String side) {
        return scoreOf(report, side, MODEL);
    }

    private static JsonNode scoreOf(JsonNode report, String side, String name) {
        for (JsonNode model : report.path("models")) {
            if (model.path("side").asString().equals(side) && model.path("model").asString().equals(name)) {
                return model;
            }
        }
        throw new AssertionError("the report has no " + side + " score of " + name + ": " + report.path("models"));
    }

    private String uploadChallenger() throws Exception {
        JsonNode shipped = ServiceClient.json(expect(officer().get("/v1/rule-sets/cand-0001"), 200));
        HttpResponse<String> uploaded = officer().post("/v1/rule-sets", TighterLimits.upload(
                shipped.path("files").path("limits.json").asString(),
                Map.of("max-order-quantity", MAX_QUANTITY.toPlainString(), "min-prediction-confidence",
                        String.valueOf(MIN_CONFIDENCE)), "orders of at most 0.05, model-confidence gate at 0.05"));
        JsonNode candidate = ServiceClient.json(expect(uploaded, 201));
        assertThat(candidate.path("status").asString()).as(candidate.path("checks").toString())
                .isEqualTo("AWAITING_APPROVAL");
        return candidate.path("id").asString();
    }

    /** A BUY at the bar's close acting on the model, which the engine runs on its bars. */
    private static String request(int hour, Bar bar, BigDecimal quantity) {
        BigDecimal price = bar.close().setScale(2, RoundingMode.DOWN);
        BigDecimal stop = price.multiply(new BigDecimal("0.97")).setScale(2, RoundingMode.DOWN);
        return ArbiterJson.mapper().writeValueAsString(Map.of(
                "requestId", "week-" + hour, "asOf", bar.endTime().plusSeconds(30).toString(),
                "account", Map.of("accountId", ACCOUNT),
                "models", List.of(Map.of("symbol", SYMBOL, "model", MODEL, "version", VERSION)),
                "intents", List.of(new LinkedHashMap<>(Map.of("intentId", "i-1", "accountId", ACCOUNT, "symbol", SYMBOL,
                        "side", "BUY", "quantity", quantity, "limitPrice", price, "stopLoss", stop,
                        "strategy", "client-ml", "conviction", 0.6, "models", List.of(MODEL))))));
    }

    private static byte[] barsBody(List<Bar> batch) {
        List<Map<String, Object>> rows = batch.stream().<Map<String, Object>>map(b -> Map.of("openTime",
                b.openTime().toString(), "open", b.open(), "high", b.high(), "low", b.low(), "close", b.close(),
                "volume", b.volume())).toList();
        return ArbiterJson.mapper().writeValueAsBytes(Map.of("symbol", SYMBOL, "period", "PT1H", "bars", rows));
    }

    private static int indexOf(Instant openTime) {
        for (int i = 0; i < bars.size(); i++) {
            if (bars.get(i).openTime().equals(openTime)) {
                return i;
            }
        }
        throw new AssertionError("no bar opens at " + openTime + " in " + FILE);
    }

    private ServiceClient officer() {
        return ServiceClient.as(port, "risk-officer");
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.uri() + ": " + response.body()).isEqualTo(status);
        return response;
    }

    private static Path temporaryDirectory(String prefix) {
        try {
            Path directory = Files.createTempDirectory(prefix);
            directory.toFile().deleteOnExit();
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
