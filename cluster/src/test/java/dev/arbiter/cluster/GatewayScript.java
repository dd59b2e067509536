package dev.arbiter.cluster;

import dev.arbiter.engine.json.ArbiterJson;
import dev.arbiter.kb.fact.Bar;
import dev.arbiter.scenarios.data.ScenarioData;
import dev.arbiter.scenarios.spec.ScenarioFiles;
import dev.arbiter.scenarios.spec.ScenarioSpec;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a trading system and an officer send the service, in order, and what it answered: an account opened (and
 * opened again), a deposit (and its repeat), a fill, a decision bringing ten hours of real ETH-USD five-minute bars (ta4j's example file, as the
 * scenarios use it), its repeat under the same idempotency key, a malformed request and one for an account never
 * opened, the stored decision read back, a few decisions timed, an officer's halt of ETH-USD and a decision under it,
 * the account's state read, and the audit chain verified.
 */
final class GatewayScript {

    /** Decisions timed one after another, after the first. */
    static final int TIMED = 10;
    private static final Pattern DECISION_ID = Pattern.compile("dec-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final String AS_OF = "2023-03-15T13:35:30Z";
    /**
     * The desk's actions reach the job's workers on a stream of their own, beside the accounts' inputs; an officer's
     * halt is in force for what the account sends after this pause.
     */
    private static final Duration DESK_SETTLES = Duration.ofSeconds(2);

    /** The answers, in the order the requests went. */
    record Answers(HttpResponse<String> opened, HttpResponse<String> openedAgain, HttpResponse<String> transferred,
                   HttpResponse<String> transferredAgain, HttpResponse<String> fills, HttpResponse<String> bars,
                   HttpResponse<String> decided, HttpResponse<String> repeated, HttpResponse<String> malformed,
                   HttpResponse<String> unopened, HttpResponse<String> storedDecision, HttpResponse<String> storedTrace,
                   HttpResponse<String> explanation, List<Duration> timed, HttpResponse<String> halted,
                   HttpResponse<String> decidedWhileHalted, HttpResponse<String> accountRead,
                   HttpResponse<String> audit) {

        double medianDecisionMillis() {
            List<Duration> sorted = timed.stream().sorted().toList();
            return sorted.get(sorted.size() / 2).toNanos() / 1e6;
        }
    }

    private final String accountId;
    private final List<Bar> bars;

    GatewayScript(String accountId) {
        this.accountId = accountId;
        this.bars = ethBars(Instant.parse("2023-03-15T03:35:00Z"), Instant.parse("2023-03-15T13:35:00Z"));
    }

    Answers run(RunningService service) throws Exception {
        String account = "/v1/accounts/" + accountId;
        String opening = "{\"cash\": 100000, \"at\": \"2023-03-15T00:00:00Z\"}";
        HttpResponse<String> opened = service.put(account, opening);
        HttpResponse<String> openedAgain = service.put(account, opening);
        String transfer = "{\"transferId\": \"t-1\", \"amount\": 5000, \"at\": \"2023-03-15T01:00:00Z\"}";
        HttpResponse<String> transferred = service.post(account + "/transfers", transfer);
        HttpResponse<String> transferredAgain = service.post(account + "/transfers", transfer);
        HttpResponse<String> fills = service.post("/v1/fills", """
                {"fills": [{"fillId": "f-1", "accountId": "%s", "symbol": "ETH-USD", "side": "BUY", "quantity": 2,
                            "price": 1610, "filledAt": "2023-03-15T09:00:00Z", "fee": 1.61}]}""".formatted(accountId));

        // the bars once for every account (the market topic in gateway mode), and again with the first request
        HttpResponse<String> bars = service.post("/v1/market/bars", marketData().toString());
        ObjectNode first = request(accountId, "gw-first", "25");
        first.putArray("marketData").add(marketData());
        HttpResponse<String> decided = service.post("/v1/decisions", first.toString(), "gw-key-1");
        HttpResponse<String> repeated = service.post("/v1/decisions", first.toString(), "gw-key-1");
        HttpResponse<String> malformed = service.post("/v1/decisions", request(accountId, "gw-bad", "-25").toString());
        HttpResponse<String> unopened = service.post("/v1/decisions", request("acct-never-opened", "gw-none", "1").toString());

        String decision = "/v1/decisions/" + decisionId(decided);
        HttpResponse<String> storedDecision = service.get(decision);
        HttpResponse<String> storedTrace = service.get(decision + "/trace");
        HttpResponse<String> explanation = service.get(decision + "/explanation");

        List<Duration> timed = new ArrayList<>();
        for (int i = 0; i < TIMED; i++) {
            String body = request(accountId, "gw-timed-" + i, "0.5").toString();
            long start = System.nanoTime();
            HttpResponse<String> answer = service.post("/v1/decisions", body);
            timed.add(Duration.ofNanos(System.nanoTime() - start));
            if (answer.statusCode() != 201) {
                throw new AssertionError("timed decision " + i + " was answered " + answer.statusCode() + ": "
                        + answer.body());
            }
        }

        HttpResponse<String> halted = service.post("/v1/trading-state", """
                {"scope": "INSTRUMENT", "target": "ETH-USD", "state": "HALTED", "reason": "venue outage"}""");
        Thread.sleep(DESK_SETTLES.toMillis());
        HttpResponse<String> decidedWhileHalted = service.post("/v1/decisions",
                request(accountId, "gw-halted", "1").toString());

        return new Answers(opened, openedAgain, transferred, transferredAgain, fills, bars, decided, repeated, malformed,
                unopened, storedDecision, storedTrace, explanation, timed, halted, decidedWhileHalted,
                service.get(account), service.get("/v1/audit/verify"));
    }

    /** The decision id an answer to {@code POST /v1/decisions} names. */
    static String decisionId(HttpResponse<String> answer) {
        return ArbiterJson.mapper().readTree(answer.body()).path("decisionId").asString();
    }

    /** The text with every decision id (each answer has its own) the same. */
    static String withoutIds(String text) {
        return DECISION_ID.matcher(text).replaceAll("dec-*");
    }

    /** A client's request: one intent to buy ETH-USD at a limit, with a stop. */
    private static ObjectNode request(String accountId, String requestId, String quantity) {
        ObjectNode request = ArbiterJson.mapper().createObjectNode();
        request.put("requestId", requestId);
        request.put("asOf", AS_OF);
        request.putObject("account").put("accountId", accountId);
        ObjectNode intent = request.putArray("intents").addObject();
        intent.put("intentId", "i-1");
        intent.put("accountId", accountId);
        intent.put("symbol", "ETH-USD");
        intent.put("side", "BUY");
        intent.put("quantity", new BigDecimal(quantity));
        intent.put("limitPrice", 1693);
        intent.put("stopLoss", 1640);
        intent.put("strategy", "client-breakout");
        intent.put("conviction", new BigDecimal("0.7"));
        return request;
    }

    private ObjectNode marketData() {
        ObjectNode series = ArbiterJson.mapper().createObjectNode();
        series.put("symbol", "ETH-USD");
        series.put("period", "PT5M");
        ArrayNode rows = series.putArray("bars");
        for (Bar bar : bars) {
            ObjectNode row = rows.addObject();
            row.put("openTime", bar.openTime().toString());
            row.put("open", bar.open());
            row.put("high", bar.high());
            row.put("low", bar.low());
            row.put("close", bar.close());
            row.put("volume", bar.volume());
        }
        return series;
    }

    /** ETH-USD's five-minute bars opening from {@code from} to before {@code to}, from ta4j's example file. */
    private static List<Bar> ethBars(Instant from, Instant to) {
        ScenarioSpec spec = ScenarioFiles.parse(ScenarioTape.ETH.formatted("gateway", "gateway", to, ScenarioTape.DCA),
                Path.of("."));
        return ScenarioData.load(spec, Optional.empty()).get("ETH-USD").stream()
                .filter(bar -> !bar.openTime().isBefore(from) && bar.openTime().isBefore(to)).toList();
    }
}
