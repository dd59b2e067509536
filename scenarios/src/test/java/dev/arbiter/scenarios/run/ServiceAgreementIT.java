package dev.arbiter.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.engine.decision.DecisionRequest;
import dev.arbiter.engine.decision.DecisionResult;
import dev.arbiter.engine.decision.DecisionStatus;
import dev.arbiter.engine.json.ArbiterJson;
import dev.arbiter.engine.service.ArbiterService;
import dev.arbiter.engine.state.AccountEvent;
import dev.arbiter.engine.state.BarEvent;
import dev.arbiter.engine.state.MarkPriceEvent;
import dev.arbiter.kb.fact.Bar;
import dev.arbiter.kb.fact.Instrument;
import dev.arbiter.kb.fact.MarkPrice;
import dev.arbiter.rules.pack.InstrumentSet;
import dev.arbiter.scenarios.data.DataRoot;
import dev.arbiter.scenarios.data.ScenarioData;
import dev.arbiter.scenarios.spec.ScenarioFiles;
import dev.arbiter.scenarios.spec.ScenarioSpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One core, two drivers: a real day of Binance BTC/USDT 1-minute bars (2025-05-21, 1,440 decisions) replayed by the
 * scenario runner in-process, then the very same events sent to the service over HTTP as a trading system would
 * send them (the opening balance, every bar, every decision request, the simulated venue's acknowledgements, fills
 * and cancels), give the same decisions, step by step, and the same account at the end. Skipped when the shared
 * market data is not on the machine.
 */
class ServiceAgreementIT {

    private static final String SCENARIO = """
            name: http-day
            description: A day of BTC/USDT minutes, decided in-process and through the service.
            market:
              - {symbol: BTC-USDT, file: "data:filimonov-eremeyka-freqtrade/BTC_USDT-1m.csv", period: PT1M, cluster: majors, lotSize: 0.00001, tickSize: 0.01}
            from: "2025-05-21T00:00:00Z"
            to: "2025-05-22T00:00:00Z"
            windowBars: 60
            account: {id: day-1, cash: 100000}
            fills: {feeRate: 0.001, slippageRate: 0.0005, latencyBars: 1}
            exits: {useStops: true, maxHoldingBars: 30}
            clients:
              - {name: dip-buyer, everyBars: 20, notional: 3000, stopFraction: 0.01}
            """;

    @TempDir
    Path workDir;

    @Test
    void aDayThroughTheServiceGivesTheRunnersDecisions() throws Exception {
        Assumptions.assumeTrue(DataRoot.find().isPresent(), "shared market data not found: set ARBITER_DATA_DIR "
                + "to the folder holding filimonov-eremeyka-freqtrade (the repository's ../shared/data)");
        ScenarioSpec spec = ScenarioFiles.parse(SCENARIO, Path.of("."));
        Map<String, List<Bar>> bars = ScenarioData.load(spec);
        // the service lists the reference data of its release: the run uses the same terms
        Map<String, Instrument> listed = new LinkedHashMap<>();
        spec.market().forEach(f -> listed.put(f.symbol(), InstrumentSet.shippedDefault().require(f.symbol())));

        RecordingJournal journal = new RecordingJournal();
        Map<String, DecisionRequest> requests = new HashMap<>();
        List<DecisionResult> inProcess = new ArrayList<>();
        RunResult run;
        try (DecisionPipeline pipeline = PipelineFactory.create(spec.rules(), spec.strategies())) {
            run = new ScenarioRunner(pipeline).run(spec, bars, (step, request, result) -> {
                requests.put(result.decision().decisionId(), request);
                inProcess.add(result);
            }, journal, listed);
        }
        assertThat(inProcess).hasSize(1440);
        assertThat(inProcess).filteredOn(r -> r.decision().status() == DecisionStatus.APPROVED)
                .as("a day with orders to agree on").hasSizeGreaterThan(5);
        assertThat(run.fills()).as("fills the venue reported").hasSizeGreaterThan(5);

        SpringApplication app = new SpringApplication(ArbiterService.class);
        try (ConfigurableApplicationContext service = app.run("--server.port=0",
                "--spring.datasource.url=jdbc:h2:file:" + workDir.resolve("arbiter") + ";WRITE_DELAY=0",
                "--arbiter.models.dir=" + workDir.resolve("models"),
                "--arbiter.state.bars-kept=" + spec.windowBars(),
                // the in-process run has no officer to resume a halted instrument, so neither does the service
                "--arbiter.state.venue-halt-gap=off")) {
            Http http = new Http(Integer.parseInt(service.getEnvironment().getProperty("local.server.port")));
            Map<String, String> decisionIds = new HashMap<>();
            List<String> answered = new ArrayList<>();
            for (Object event : journal.appended()) {
                switch (event) {
                    case BarEvent e -> http.send("POST", "/v1/market/bars", bar(e.bar()));
                    case MarkPriceEvent e -> http.send("POST", "/v1/market/marks", mark(e.mark()));
                    case AccountEvent.Opened e -> http.send("PUT", "/v1/accounts/" + e.accountId(),
                            object().put("accountId", e.accountId()).put("cash", e.cash()).put("at", e.at().toString()));
                    case AccountEvent.Filled e -> http.send("POST", "/v1/fills", fill(e, decisionIds));
                    case AccountEvent.Funded e -> http.send("POST", "/v1/accounts/" + e.accountId() + "/funding",
                            object().put("fundingId", e.fundingId()).put("symbol", e.symbol())
                                    .put("amount", e.amount()).put("at", e.at().toString()));
                    case AccountEvent.OrderReported e -> http.send("POST", "/v1/orders/reports", report(e, decisionIds));
                    case AccountEvent.Decided e -> {
                        JsonNode answer = http.send("POST", "/v1/decisions", request(requests.get(e.decisionId())));
                        decisionIds.put(e.decisionId(), answer.path("decisionId").asString());
                        answered.add(answer.path("decisionId").asString());
                    }
                    default -> { } // marks, day rolls, expiries, breaks: the service derives them itself
                }
            }

            // the service answers before it words the explanation; a read returns the decision explained
            List<JsonNode> overHttp = new ArrayList<>();
            for (String id : answered) {
                overHttp.add(http.send("GET", "/v1/decisions/" + id, null));
            }
            assertThat(overHttp).hasSameSizeAs(inProcess);
            for (int i = 0; i < inProcess.size(); i++) {
                assertThat(comparable(asRunnerNamesIt(overHttp.get(i), decisionIds)))
                        .as("decision %d (%s)", i, inProcess.get(i).decision().requestId())
                        .isEqualTo(comparable(ArbiterJson.mapper().readTree(
                                ArbiterJson.mapper().writeValueAsString(inProcess.get(i).decision()))));
            }
            JsonNode account = http.send("GET", "/v1/accounts/" + spec.account().accountId(), null);
            // the run closes out at its end: the venue's closing fills went over HTTP too
            assertThat(account.path("positions")).isEmpty();
            assertThat(account.path("cash").doubleValue()).isCloseTo(run.closedOutCash(), within(1e-6));
        }
    }

    /**
     * A decision without what names it (its id, and its orders' ids, which carry it), as JSON text read back: both
     * sides the same way, so 106948 is the same number whether it was written or parsed.
     */
    private static JsonNode comparable(JsonNode decision) {
        ObjectNode copy = (ObjectNode) decision.deepCopy();
        copy.remove("decisionId");
        copy.path("orders").forEach(o -> ((ObjectNode) o).remove("orderId"));
        return copy;
    }

    /**
     * The service's decision with every decision id the service gave written as the runner's: an explanation that
     * names a working order (a duplicate's) names it by the decision that sent it, which each side named its own way.
     */
    private static JsonNode asRunnerNamesIt(JsonNode decision, Map<String, String> runnerToService) {
        String text = decision.toString();
        for (Map.Entry<String, String> ids : runnerToService.entrySet()) {
            text = text.replace(ids.getValue() + "/", ids.getKey() + "/");
        }
        return ArbiterJson.mapper().readTree(text);
    }

    /** The slim request the runner sent, rebuilt from what the engine completed: nothing but the client's part. */
    private static ObjectNode request(DecisionRequest completed) {
        ObjectNode request = object().put("requestId", completed.requestId()).put("asOf", completed.asOf().toString());
        request.set("account", object().put("accountId", completed.account().accountId()));
        request.set("instruments", ArbiterJson.mapper().valueToTree(completed.instruments()));
        request.set("intents", ArbiterJson.mapper().valueToTree(completed.intents()));
        if (!completed.models().isEmpty()) {
            request.set("models", ArbiterJson.mapper().valueToTree(completed.models()));
        }
        return request;
    }

    private static ObjectNode bar(Bar bar) {
        ObjectNode body = object().put("symbol", bar.symbol()).put("period", bar.period().toString());
        body.putArray("bars").add(object().put("openTime", bar.openTime().toString()).put("open", bar.open())
                .put("high", bar.high()).put("low", bar.low()).put("close", bar.close()).put("volume", bar.volume()));
        return body;
    }

    private static ObjectNode mark(MarkPrice mark) {
        ObjectNode body = object().put("symbol", mark.symbol());
        ObjectNode row = body.putArray("marks").addObject().put("time", mark.time().toString())
                .put("price", mark.price()).put("fundingRate", mark.fundingRate());
        if (mark.nextFundingTime() != null) {
            row.put("nextFundingTime", mark.nextFundingTime().toString());
        }
        return body;
    }

    private static ObjectNode fill(AccountEvent.Filled e, Map<String, String> decisionIds) {
        ObjectNode fill = object().put("fillId", e.fillId()).put("accountId", e.accountId()).put("symbol", e.symbol())
                .put("side", e.side().name()).put("quantity", e.quantity()).put("price", e.price())
                .put("filledAt", e.at().toString()).put("fee", e.fee()).put("stopLoss", e.stopLoss());
        if (e.orderId() != null) {
            fill.put("orderId", orderId(e.orderId(), decisionIds));
        }
        ObjectNode body = object();
        body.putArray("fills").add(fill);
        return body;
    }

    private static ObjectNode report(AccountEvent.OrderReported e, Map<String, String> decisionIds) {
        ObjectNode report = object().put("accountId", e.accountId()).put("orderId", orderId(e.orderId(), decisionIds))
                .put("status", e.status().name()).put("at", e.at().toString());
        if (e.reason() != null) {
            report.put("reason", e.reason());
        }
        ObjectNode body = object();
        ((ArrayNode) body.putArray("reports")).add(report);
        return body;
    }

    /** The service's id of an order the runner named {@code <runner's decision id>/<proposal id>}. */
    private static String orderId(String runnerOrderId, Map<String, String> decisionIds) {
        int slash = runnerOrderId.indexOf('/');
        String decision = decisionIds.get(runnerOrderId.substring(0, slash));
        assertThat(decision).as("the service decided " + runnerOrderId.substring(0, slash)).isNotNull();
        return decision + runnerOrderId.substring(slash);
    }

    private static ObjectNode object() {
        return ArbiterJson.mapper().createObjectNode();
    }

    /** The trading system's HTTP client, as the demo trader. */
    private static final class Http {

        private final HttpClient client = HttpClient.newHttpClient();
        private final String base;
        private final String authorization = "Basic " + Base64.getEncoder()
                .encodeToString("trader:trader-demo".getBytes(StandardCharsets.UTF_8));

        Http(int port) {
            this.base = "http://localhost:" + port;
        }

        JsonNode send(String method, String path, JsonNode body) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization);
            if (body == null) {
                request.GET();
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(ArbiterJson.mapper().writeValueAsString(body)));
            }
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 201);
            return ArbiterJson.mapper().readTree(response.body());
        }
    }
}
