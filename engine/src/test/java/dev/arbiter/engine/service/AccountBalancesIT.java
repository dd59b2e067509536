package dev.arbiter.engine.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The engine keeps each account's state and decides from it, over real HTTP with decisions stored in the real
 * PostgreSQL: an opening balance set once, fills booked into cash, positions and the day's P&amp;L, approved orders
 * working and reserving cash until a venue report or a fill, the kill switch as an officer's action, a perpetual
 * margined in isolation, funding payments, and a client's figures only ever compared, never obeyed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccountBalancesIT {

    private static final String AS_OF = "2023-03-15T13:35:30Z";

    /** A JSON number in exponent notation ({@code 1E+5}): what a client must never have to parse. */
    private static final Pattern EXPONENT = Pattern.compile("[:\\[,]\\s*-?\\d+(\\.\\d+)?[eE][+-]?\\d");

    @LocalServerPort
    private int port;

    @BeforeAll
    static void needsPostgres() {
        PostgresScratch.assumeReachable();
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresScratch.register(registry, "accounts");
    }

    @Test
    void aLosingRoundTripShowsInTheAccountAndTheNextBuyIsRejectedByTheDailyLossLimit() throws Exception {
        HttpResponse<String> opened = trader().put("/v1/accounts/acct-loss", """
                {"accountId": "acct-loss", "equity": 100000, "at": "2023-03-15T00:00:00Z"}""");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        assertThat(opened.body()).doesNotContainPattern(EXPONENT).containsPattern("\"cash\"\\s*:\\s*100000\\b");
        bars();

        HttpResponse<String> filled = trader().post("/v1/fills", """
                {"fills": [
                  {"fillId": "loss-1", "accountId": "acct-loss", "symbol": "ETH-USD", "side": "BUY", "quantity": 10,
                   "price": 1700, "filledAt": "2023-03-15T13:00:00Z", "fee": 17},
                  {"fillId": "loss-2", "accountId": "acct-loss", "symbol": "ETH-USD", "side": "SELL", "quantity": 10,
                   "price": 1450, "filledAt": "2023-03-15T13:20:00Z", "fee": 14.5}]}""");
        assertThat(filled.statusCode()).as(filled.body()).isEqualTo(200);
        assertThat(ServiceClient.json(filled).path("recorded")).extracting(JsonNode::asString).containsExactly("loss-1", "loss-2");

        // by hand: 100,000 - 10 x 1,700 - 17 (fee) + 10 x 1,450 - 14.50 (fee) = 97,468.50, flat again;
        // the day's P&L is the round trip's -2,500 less 31.50 of fees
        HttpResponse<String> read = trader().get("/v1/accounts/acct-loss");
        assertThat(read.body()).doesNotContainPattern(EXPONENT);
        JsonNode account = ServiceClient.json(read);
        assertThat(account.path("cash").decimalValue()).isEqualByComparingTo("97468.5");
        assertThat(account.path("equity").decimalValue()).isEqualByComparingTo("97468.5");
        assertThat(account.path("dailyPnl").decimalValue()).isEqualByComparingTo("-2531.5");
        assertThat(account.path("highWaterMark").decimalValue()).isEqualByComparingTo("100000");
        assertThat(account.path("positions")).isEmpty();
        assertThat(account.path("positions").isArray()).isTrue();

        JsonNode slim = decide("/v1/decisions", request("loss-slim", "acct-loss", "{\"accountId\": \"acct-loss\"}",
                buy("i-1", "acct-loss", "1", "1690")));
        assertThat(slim.path("decision").path("status").asString()).isEqualTo("REJECTED");
        assertThat(reasons(slim, "i-1")).contains("L3-DAILY-LOSS");
        JsonNode slimTrace = trace(slim);
        assertThat(slimTrace.path("request").path("account").path("dailyPnl").decimalValue()).isEqualByComparingTo("-2531.5");
        assertThat(slimTrace.path("request").path("state").path("breaks")).isEmpty();

        JsonNode claimed = decide("/v1/decisions", request("loss-claimed", "acct-loss",
                "{\"accountId\": \"acct-loss\", \"equity\": 1000000, \"dailyPnl\": 0}", buy("i-1", "acct-loss", "1", "1690")));
        assertThat(claimed.path("decision").path("status").asString()).isEqualTo("REJECTED");
        assertThat(reasons(claimed, "i-1")).contains("L3-DAILY-LOSS");
        JsonNode request = trace(claimed).path("request");
        assertThat(request.path("account").path("equity").decimalValue()).isEqualByComparingTo("97468.5");
        assertThat(request.path("account").path("dailyPnl").decimalValue()).isEqualByComparingTo("-2531.5");
        Map<String, String> breaks = new LinkedHashMap<>();
        request.path("state").path("breaks").forEach(b -> breaks.put(b.path("field").asString(),
                new BigDecimal(b.path("claimed").asString()).stripTrailingZeros().toPlainString() + " vs "
                        + new BigDecimal(b.path("engine").asString()).stripTrailingZeros().toPlainString()));
        assertThat(breaks).containsExactly(Map.entry("account.equity", "1000000 vs 97468.5"),
                Map.entry("account.dailyPnl", "0 vs -2531.5"));

        JsonNode after = ServiceClient.json(trader().get("/v1/accounts/acct-loss"));
        assertThat(after.path("equity").decimalValue()).as("the claim changed nothing").isEqualByComparingTo("97468.5");
        assertThat(after.path("dailyPnl").decimalValue()).isEqualByComparingTo("-2531.5");
        assertThat(after.path("workingOrders")).isEmpty();
    }

    @Test
    void aSecondCheckSeesTheFirstsApprovedOrderAsWorkingAndGetsOnlyTheHeadroomLeft() throws Exception {
        open("acct-room");
        JsonNode first = decide("/v1/checks", request("room-1", "acct-room", "{\"accountId\": \"acct-room\"}",
                buy("i-1", "acct-room", "10", "1690")));
        JsonNode firstOrder = order(first, "i-1");
        String decisionId = first.path("decisionId").asString();
        assertThat(firstOrder.path("orderId").asString()).isEqualTo(decisionId + "/i-1");
        assertThat(firstOrder.path("quantity").decimalValue()).isEqualByComparingTo("10");

        JsonNode working = ServiceClient.json(trader().get("/v1/accounts/acct-room"));
        assertThat(working.path("workingOrders")).extracting(o -> o.path("orderId").asString())
                .containsExactly(decisionId + "/i-1");
        assertThat(working.path("reserved").decimalValue()).isEqualByComparingTo("16900");
        assertThat(working.path("freeBalance").decimalValue()).isEqualByComparingTo("83100");

        JsonNode second = decide("/v1/checks", request("room-2", "acct-room", "{\"accountId\": \"acct-room\"}",
                buy("i-2", "acct-room", "10", "1691")));
        JsonNode seen = trace(second).path("request");
        assertThat(seen.path("openOrders")).extracting(o -> o.path("orderId").asString()).containsExactly(decisionId + "/i-1");
        // the rules see the cash and the working order's notional apart (L3-FREE-BALANCE subtracts one from the other)
        assertThat(seen.path("account").path("freeBalance").decimalValue()).isEqualByComparingTo("100000");
        assertThat(seen.path("openOrders").get(0).path("quantity").decimalValue()).isEqualByComparingTo("10");
        // max-venue-exposure 22,500 at ETH-USD's venue less the 16,900 working there leaves 5,600: 5,600 / 1,691 = 3.31
        // in lots of 0.01 (max-gross-exposure's 25,000 would leave 8,100; at 1,690 the order would be a duplicate of
        // the working order, which L7-DUPLICATE-ORDER rejects)
        assertThat(order(second, "i-2").path("quantity").decimalValue()).isEqualByComparingTo("3.31");
        assertThat(reasons(second, "i-2")).contains("L2-VENUE-EXPOSURE", "L2-GROSS-EXPOSURE");
    }

    @Test
    void aCancelReportFreesTheReservationAndAFillCompletesTheOrder() throws Exception {
        open("acct-cancel");
        JsonNode decided = decide("/v1/checks", request("cancel-1", "acct-cancel", "{\"accountId\": \"acct-cancel\"}",
                buy("i-1", "acct-cancel", "2", "1690"), buy("i-2", "acct-cancel", "1", "1691")));
        String cancelled = order(decided, "i-1").path("orderId").asString();
        String filled = order(decided, "i-2").path("orderId").asString();
        assertThat(ServiceClient.json(trader().get("/v1/accounts/acct-cancel")).path("reserved").decimalValue())
                .isEqualByComparingTo("5071"); // 2 x 1,690 + 1 x 1,691

        HttpResponse<String> report = trader().post("/v1/orders/reports", """
                {"reports": [{"accountId": "acct-cancel", "orderId": "%s", "status": "CANCELLED", "reason": "trader pulled it",
                              "at": "2023-03-15T13:36:00Z"}]}""".formatted(cancelled));
        assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
        JsonNode afterCancel = ServiceClient.json(trader().get("/v1/accounts/acct-cancel"));
        assertThat(afterCancel.path("workingOrders")).extracting(o -> o.path("orderId").asString()).containsExactly(filled);
        assertThat(afterCancel.path("reserved").decimalValue()).isEqualByComparingTo("1691");
        assertThat(afterCancel.path("freeBalance").decimalValue()).isEqualByComparingTo("98309");

        HttpResponse<String> fill = trader().post("/v1/fills", """
                {"fills": [{"fillId": "cancel-f-1", "accountId": "acct-cancel", "orderId": "%s", "symbol": "ETH-USD",
                            "side": "BUY", "quantity": 1, "price": 1690.5, "filledAt": "2023-03-15T13:36:10Z"}]}""".formatted(filled));
        assertThat(fill.statusCode()).as(fill.body()).isEqualTo(200);
        assertThat(ServiceClient.json(fill).path("unsolicited")).isEmpty();
        JsonNode afterFill = ServiceClient.json(trader().get("/v1/accounts/acct-cancel"));
        assertThat(afterFill.path("workingOrders")).isEmpty();
        assertThat(afterFill.path("reserved").decimalValue()).isEqualByComparingTo("0");
        assertThat(afterFill.path("cash").decimalValue()).isEqualByComparingTo("98309.5");
        assertThat(afterFill.path("positions").get(0).path("quantity").decimalValue()).isEqualByComparingTo("1");
    }

    @Test
    void theKillSwitchHaltsTheAccountUntilAnOfficerReleasesIt() throws Exception {
        open("acct-kill");
        ServiceClient risk = ServiceClient.as(port, "risk-officer");
        HttpResponse<String> engaged = risk.post("/v1/kill-switch", """
                {"scope": "ACCOUNT", "target": "acct-kill", "engaged": true, "reason": "runaway strategy"}""");
        assertThat(engaged.statusCode()).as(engaged.body()).isEqualTo(201);
        assertThat(ServiceClient.json(engaged).path("by").asString()).isEqualTo("risk-officer");
        JsonNode desk = ServiceClient.json(risk.get("/v1/trading-state"));
        assertThat(desk.path("killSwitches")).extracting(k -> k.path("target").asString()).contains("acct-kill");
        assertThat(ServiceClient.json(trader().get("/v1/accounts/acct-kill")).path("killSwitch").path("engaged").asBoolean())
                .isTrue();

        JsonNode halted = decide("/v1/decisions", request("kill-1", "acct-kill", "{\"accountId\": \"acct-kill\"}",
                buy("i-1", "acct-kill", "1", "1690")));
        assertThat(halted.path("decision").path("status").asString()).isEqualTo("HALTED");
        assertThat(halted.path("decision").path("orders")).isEmpty();
        assertThat(reasons(halted, "i-1")).contains("L7-KILL-SWITCH");
        assertThat(ServiceClient.json(trader().get("/v1/accounts/acct-kill")).path("workingOrders")).isEmpty();

        HttpResponse<String> released = risk.post("/v1/kill-switch", """
                {"scope": "ACCOUNT", "target": "acct-kill", "engaged": false, "reason": "strategy fixed"}""");
        assertThat(released.statusCode()).as(released.body()).isEqualTo(201);
        JsonNode trades = decide("/v1/decisions", request("kill-2", "acct-kill", "{\"accountId\": \"acct-kill\"}",
                buy("i-1", "acct-kill", "1", "1690")));
        assertThat(trades.path("decision").path("status").asString()).isNotIn("HALTED", "REJECTED");
        assertThat(trades.path("decision").path("orders")).isNotEmpty();
        assertThat(reasons(trades, "i-1")).doesNotContain("L7-KILL-SWITCH");
    }

    @Test
    void aFillForAnOrderTheEngineNeverApprovedIsBookedAndListedAsUnsolicited() throws Exception {
        open("acct-manual");
        String manual = """
                {"fills": [{"fillId": "manual-1", "accountId": "acct-manual", "orderId": "dec-never/i-1", "symbol": "ETH-USD",
                            "side": "BUY", "quantity": 1.5, "price": 1690, "filledAt": "2023-03-15T13:31:00Z", "fee": 1.69}]}""";
        HttpResponse<String> response = trader().post("/v1/fills", manual);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = ServiceClient.json(response);
        assertThat(answer.path("recorded")).extracting(JsonNode::asString).containsExactly("manual-1");
        assertThat(answer.path("unsolicited")).extracting(JsonNode::asString).containsExactly("manual-1");

        JsonNode account = ServiceClient.json(trader().get("/v1/accounts/acct-manual"));
        assertThat(account.path("positions").get(0).path("quantity").decimalValue()).isEqualByComparingTo("1.5");
        assertThat(account.path("cash").decimalValue()).isEqualByComparingTo("97463.31"); // 100,000 - 1.5 x 1,690 - 1.69
        JsonNode again = ServiceClient.json(trader().post("/v1/fills", manual));
        assertThat(again.path("duplicates")).extracting(JsonNode::asString).containsExactly("manual-1");
        assertThat(ServiceClient.json(trader().get("/v1/accounts/acct-manual")).path("positions").get(0).path("quantity")
                .decimalValue()).as("booked once").isEqualByComparingTo("1.5");
    }

    @Test
    void transfersMoveCashOnceEachAndAWithdrawalBeyondTheFreeBalanceIsRefused() throws Exception {
        open("acct-transfer");
        HttpResponse<String> deposit = trader().post("/v1/accounts/acct-transfer/transfers", """
                {"transferId": "t-1", "amount": 5000, "at": "2023-03-15T13:00:00Z"}""");
        assertThat(deposit.statusCode()).as(deposit.body()).isEqualTo(201);
        assertThat(ServiceClient.json(deposit).path("account").path("cash").decimalValue()).isEqualByComparingTo("105000");
        assertThat(ServiceClient.json(deposit).path("account").path("dailyPnl").decimalValue())
                .as("a deposit is not profit").isEqualByComparingTo("0");
        HttpResponse<String> again = trader().post("/v1/accounts/acct-transfer/transfers", """
                {"transferId": "t-1", "amount": 5000, "at": "2023-03-15T13:00:00Z"}""");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(ServiceClient.json(again).path("duplicate").asBoolean()).isTrue();
        assertThat(ServiceClient.json(again).path("account").path("cash").decimalValue()).isEqualByComparingTo("105000");

        HttpResponse<String> overdrawn = trader().post("/v1/accounts/acct-transfer/transfers", """
                {"transferId": "t-2", "amount": -200000, "at": "2023-03-15T13:01:00Z"}""");
        assertThat(overdrawn.statusCode()).as(overdrawn.body()).isEqualTo(409);
        assertThat(ServiceClient.json(overdrawn).path("field").asString()).isEqualTo("amount");
        assertThat(ServiceClient.json(overdrawn).path("accepted").asString()).contains("free balance 105000");
    }

    @Test
    void anIsolatedPerpetualIsLiquidatedOnItsOwnMarginAndItsModeCannotChangeUnderIt() throws Exception {
        String perp = "/margin-modes/BTC-USDT-PERP";
        for (String account : List.of("acct-cross", "acct-isolated")) {
            HttpResponse<String> opened = trader().put("/v1/accounts/" + account, """
                    {"accountId": "%s", "cash": 100000, "at": "2023-03-15T00:00:00Z"}""".formatted(account));
            assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        }
        HttpResponse<String> set = trader().put("/v1/accounts/acct-isolated" + perp, """
                {"mode": "ISOLATED", "at": "2023-03-15T12:00:00Z"}""");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(ServiceClient.json(set).path("marginModes")).singleElement().satisfies(m -> {
            assertThat(m.path("symbol").asString()).isEqualTo("BTC-USDT-PERP");
            assertThat(m.path("mode").asString()).isEqualTo("ISOLATED");
        });
        assertThat(ServiceClient.json(trader().get("/v1/accounts/acct-cross")).path("marginModes")).isEmpty();

        for (String account : List.of("acct-cross", "acct-isolated")) {
            HttpResponse<String> fill = trader().post("/v1/fills", """
                    {"fills": [{"fillId": "perp-%1$s", "accountId": "%1$s", "symbol": "BTC-USDT-PERP", "side": "BUY",
                                "quantity": 1, "price": 25000, "filledAt": "2023-03-15T13:00:00Z"}]}""".formatted(account));
            assertThat(fill.statusCode()).as(fill.body()).isEqualTo(200);
        }
        HttpResponse<String> underThePosition = trader().put("/v1/accounts/acct-isolated" + perp, """
                {"mode": "CROSS", "at": "2023-03-15T13:10:00Z"}""");
        assertThat(underThePosition.statusCode()).as(underThePosition.body()).isEqualTo(409);
        assertThat(ServiceClient.json(underThePosition).path("field").asString()).isEqualTo("mode");
        assertThat(ServiceClient.json(underThePosition).path("accepted").asString())
                .contains("ISOLATED, the mode BTC-USDT-PERP has now", "holds 1");

        // cross: the account's 100,000 backs the 25,000 long, which has no liquidation price; isolated: only its
        // 2,500 of margin at 10x does, (2,500 - 25,000) / (0.004 - 1) in the first maintenance bracket
        assertThat(perpetualExposure("acct-cross").path("liquidationPrice").isNull()).isTrue();
        assertThat(perpetualExposure("acct-isolated").path("liquidationPrice").decimalValue())
                .isEqualByComparingTo("22590.36144578");
    }

    /** The BTC-USDT-PERP exposure the rules saw in a decision on the account's own figures. */
    private JsonNode perpetualExposure(String accountId) throws Exception {
        JsonNode trace = trace(decide("/v1/decisions", request("perp-" + accountId, accountId,
                "{\"accountId\": \"" + accountId + "\"}")));
        for (JsonNode exposure : trace.path("exposures")) {
            if (exposure.path("symbol").asString().equals("BTC-USDT-PERP")) {
                return exposure;
            }
        }
        throw new AssertionError("no BTC-USDT-PERP exposure in " + trace.path("exposures"));
    }

    @Test
    void fundingMovesCashAndTheDaysPnlOnceEach() throws Exception {
        HttpResponse<String> opened = trader().put("/v1/accounts/acct-funding", """
                {"accountId": "acct-funding", "cash": 100000, "at": "2023-03-15T00:00:00Z"}""");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String paid = """
                {"fundingId": "BTC-USDT-PERP/2023-03-15T08:00:00Z", "symbol": "BTC-USDT-PERP", "amount": -3.45,
                 "at": "2023-03-15T08:00:00Z"}""";
        HttpResponse<String> first = trader().post("/v1/accounts/acct-funding/funding", paid);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(ServiceClient.json(first).path("duplicate").asBoolean()).isFalse();
        JsonNode account = ServiceClient.json(first).path("account");
        assertThat(account.path("cash").decimalValue()).isEqualByComparingTo("99996.55");
        assertThat(account.path("dailyPnl").decimalValue()).as("funding is profit or loss, not a transfer")
                .isEqualByComparingTo("-3.45");

        HttpResponse<String> again = trader().post("/v1/accounts/acct-funding/funding", paid);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(ServiceClient.json(again).path("duplicate").asBoolean()).isTrue();
        assertThat(ServiceClient.json(again).path("account").path("cash").decimalValue()).isEqualByComparingTo("99996.55");
    }

    @Test
    void refusedFundingAndMarginModesNameTheField() throws Exception {
        open("acct-refuse-perp");
        List<String> wrong = new ArrayList<>();
        String funding = "/v1/accounts/acct-refuse-perp/funding";
        expect(wrong, "funding without an amount", trader().post(funding, """
                {"fundingId": "f-1", "symbol": "BTC-USDT-PERP"}"""), 400, "amount");
        expect(wrong, "funding amount as text", trader().post(funding, """
                {"fundingId": "f-1", "symbol": "BTC-USDT-PERP", "amount": "some"}"""), 400, "amount");
        expect(wrong, "funding without an id", trader().post(funding, """
                {"symbol": "BTC-USDT-PERP", "amount": 1}"""), 400, "fundingId");
        expect(wrong, "funding of a spot instrument", trader().post(funding, """
                {"fundingId": "f-1", "symbol": "BTC-USDT", "amount": 1}"""), 400, "symbol");
        expect(wrong, "funding of an unlisted symbol", trader().post(funding, """
                {"fundingId": "f-1", "symbol": "PEPE-USD", "amount": 1}"""), 400, "symbol");
        expect(wrong, "funding of an account without an opening balance", trader().post(
                "/v1/accounts/acct-never/funding", """
                {"fundingId": "f-1", "symbol": "BTC-USDT-PERP", "amount": 1}"""), 409, "accountId");

        String modes = "/v1/accounts/acct-refuse-perp/margin-modes/";
        expect(wrong, "isolated spot", trader().put(modes + "BTC-USDT", "{\"mode\": \"ISOLATED\"}"), 400, "symbol");
        expect(wrong, "margin mode of an unlisted symbol", trader().put(modes + "PEPE-USD", "{\"mode\": \"CROSS\"}"),
                400, "symbol");
        expect(wrong, "no margin mode", trader().put(modes + "BTC-USDT-PERP", "{}"), 400, "mode");
        expect(wrong, "unknown margin mode", trader().put(modes + "BTC-USDT-PERP", "{\"mode\": \"HEDGED\"}"), 400, "mode");
        assertThat(wrong).isEmpty();
        JsonNode account = ServiceClient.json(trader().get("/v1/accounts/acct-refuse-perp"));
        assertThat(account.path("cash").decimalValue()).isEqualByComparingTo("100000");
        assertThat(account.path("marginModes")).isEmpty();
    }

    @Test
    void refusedInputsNameTheField() throws Exception {
        open("acct-refuse");
        List<String> wrong = new ArrayList<>();

        HttpResponse<String> secondOpening = trader().put("/v1/accounts/acct-refuse", """
                {"accountId": "acct-refuse", "cash": 5}""");
        expect(wrong, "second opening balance", secondOpening, 409, "accountId");
        assertThat(secondOpening.body()).contains("/v1/accounts/{id}/transfers");
        assertThat(ServiceClient.json(trader().get("/v1/accounts/acct-refuse")).path("cash").decimalValue())
                .isEqualByComparingTo("100000");

        expect(wrong, "opening under another id", trader().put("/v1/accounts/acct-a", """
                {"accountId": "acct-b", "equity": 1}"""), 400, "accountId");
        expect(wrong, "opening claiming the day's P&L", trader().put("/v1/accounts/acct-c", """
                {"accountId": "acct-c", "equity": 1000, "dailyPnl": 50}"""), 400, "dailyPnl");
        expect(wrong, "opening without cash", trader().put("/v1/accounts/acct-d", "{\"accountId\": \"acct-d\"}"), 400, "cash");

        HttpResponse<String> report = trader().post("/v1/orders/reports", """
                {"reports": [{"accountId": "acct-refuse", "orderId": "dec-none/i-1", "status": "CANCELLED"}]}""");
        expectItem(wrong, "report for an unknown order", report, "reports[0].orderId");
        expectItem(wrong, "report of a fill", trader().post("/v1/orders/reports", """
                {"reports": [{"accountId": "acct-refuse", "orderId": "dec-none/i-1", "status": "FILLED"}]}"""),
                "reports[0].status");
        expectItem(wrong, "fill of an unlisted symbol", trader().post("/v1/fills", """
                {"fills": [{"fillId": "r-1", "accountId": "acct-refuse", "symbol": "PEPE-USD", "side": "BUY", "quantity": 1,
                            "price": 1, "filledAt": "2023-03-15T13:00:00Z"}]}"""), "fills[0].symbol");
        expectItem(wrong, "negative fee", trader().post("/v1/fills", """
                {"fills": [{"fillId": "r-2", "accountId": "acct-refuse", "symbol": "ETH-USD", "side": "BUY", "quantity": 1,
                            "price": 1600, "filledAt": "2023-03-15T13:00:00Z", "fee": -1}]}"""), "fills[0].fee");
        expectItem(wrong, "fill for an account without an opening balance", trader().post("/v1/fills", """
                {"fills": [{"fillId": "r-3", "accountId": "acct-never", "symbol": "ETH-USD", "side": "BUY", "quantity": 1,
                            "price": 1600, "filledAt": "2023-03-15T13:00:00Z"}]}"""), "fills[0].accountId");
        expect(wrong, "bars of an unlisted symbol", trader().post("/v1/market/bars", """
                {"symbol": "PEPE-USD", "period": "PT5M", "bars": [{"openTime": "2023-03-15T13:30:00Z", "open": 1, "high": 1,
                 "low": 1, "close": 1, "volume": 1}]}"""), 400, "symbol");

        expect(wrong, "decision on an unlisted symbol", trader().post("/v1/decisions", request("refuse-1", "acct-refuse",
                "{\"accountId\": \"acct-refuse\"}", buy("i-1", "acct-refuse", "1", "1690").replace("ETH-USD", "PEPE-USD"))),
                400, "intents[0].symbol");
        HttpResponse<String> context = trader().post("/v1/decisions", request("refuse-2", "acct-refuse",
                "{\"accountId\": \"acct-refuse\"}", buy("i-1", "acct-refuse", "1", "1690"))
                .replace("\"intents\"", "\"context\": {\"killSwitch\": {\"engaged\": false}}, \"intents\""));
        expect(wrong, "context in a request", context, 400, "context.killSwitch");
        assertThat(ServiceClient.json(context).path("accepted").asString()).contains("POST /v1/kill-switch");
        expect(wrong, "decision for an account without an opening balance", trader().post("/v1/decisions",
                request("refuse-3", "acct-never", "{\"accountId\": \"acct-never\"}", buy("i-1", "acct-never", "1", "1690"))),
                400, "account.accountId");
        expect(wrong, "kill switch on an instrument", ServiceClient.as(port, "risk-officer").post("/v1/kill-switch", """
                {"scope": "INSTRUMENT", "target": "ETH-USD", "engaged": true, "reason": "x"}"""), 400, "scope");
        expect(wrong, "reconciliation of another account's position", trader().post("/v1/accounts/acct-refuse/reconciliation", """
                {"positions": [{"accountId": "acct-other", "symbol": "ETH-USD", "quantity": 2, "averagePrice": 1610}]}"""),
                400, "positions[0].accountId");
        assertThat(wrong).isEmpty();
        assertThat(ServiceClient.json(trader().get("/v1/accounts/acct-refuse")).path("workingOrders")).isEmpty();
    }

    @Test
    void aVenueSnapshotIsComparedAndItsBreaksRecordedNeverObeyed() throws Exception {
        JsonNode before = trader().exampleAccount("acct-venue");
        HttpResponse<String> response = trader().post("/v1/accounts/acct-venue/reconciliation", """
                {"at": "2023-03-15T13:34:00Z", "cash": 99000,
                 "positions": [{"accountId": "acct-venue", "symbol": "ETH-USD", "quantity": 3, "averagePrice": 1610}]}""");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> fields = new ArrayList<>();
        ServiceClient.json(response).path("breaks").forEach(b -> fields.add(b.path("field").asString()));
        assertThat(fields).contains("cash", "positions[ETH-USD].quantity");
        JsonNode after = ServiceClient.json(trader().get("/v1/accounts/acct-venue"));
        assertThat(after.path("cash").decimalValue()).isEqualByComparingTo(before.path("cash").decimalValue());
        assertThat(after.path("positions").get(0).path("quantity").decimalValue()).isEqualByComparingTo("2");
        assertThat(after.path("journalPosition").asLong()).isGreaterThan(before.path("journalPosition").asLong());
    }

    /** An account opened with 100,000 in cash at the start of the example's day, with the ETH-USD bars. */
    private void open(String accountId) throws Exception {
        HttpResponse<String> opened = trader().put("/v1/accounts/" + accountId, """
                {"accountId": "%s", "cash": 100000, "at": "2023-03-15T00:00:00Z"}""".formatted(accountId));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        bars();
    }

    private void bars() throws Exception {
        HttpResponse<String> bars = trader().post("/v1/market/bars", RequestVariants.exampleBars());
        assertThat(bars.statusCode()).as(bars.body()).isEqualTo(200);
        assertThat(ServiceClient.json(bars).path("newestOpenTime").asString()).isEqualTo("2023-03-15T13:30:00Z");
    }

    private static String request(String requestId, String accountId, String account, String... intents) {
        return """
                {"requestId": "%s", "asOf": "%s", "account": %s, "intents": [%s]}"""
                .formatted(requestId, AS_OF, account,
                        String.join(", ", intents));
    }

    private static String buy(String intentId, String accountId, String quantity, String limit) {
        return """
                {"intentId": "%s", "accountId": "%s", "symbol": "ETH-USD", "side": "BUY", "quantity": %s,
                 "limitPrice": %s, "stopLoss": 1600, "strategy": "client-breakout", "conviction": 0.6}"""
                .formatted(intentId, accountId, quantity, limit);
    }

    private JsonNode decide(String path, String body) throws Exception {
        HttpResponse<String> response = trader().post(path, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return ServiceClient.json(response);
    }

    private JsonNode trace(JsonNode decided) throws Exception {
        HttpResponse<String> trace = trader().get("/v1/decisions/" + decided.path("decisionId").asString() + "/trace");
        assertThat(trace.statusCode()).isEqualTo(200);
        return ServiceClient.json(trace);
    }

    private static JsonNode order(JsonNode decided, String proposalId) {
        for (JsonNode order : decided.path("decision").path("orders")) {
            if (order.path("proposalId").asString().equals(proposalId)) {
                return order;
            }
        }
        throw new AssertionError("no order for " + proposalId + " in " + decided.path("decision"));
    }

    private static List<String> reasons(JsonNode decided, String proposalId) {
        List<String> codes = new ArrayList<>();
        for (JsonNode proposal : decided.path("decision").path("proposals")) {
            if (proposal.path("proposalId").asString().equals(proposalId)) {
                proposal.path("reasonCodes").forEach(c -> codes.add(c.asString()));
            }
        }
        return codes;
    }

    private static void expect(List<String> wrong, String what, HttpResponse<String> response, int status, String field) {
        String named = ServiceClient.json(response).path("field").asString();
        if (response.statusCode() != status || !field.equals(named)) {
            wrong.add(what + ": expected " + status + " naming " + field + ", got " + response.statusCode() + " " + response.body());
        }
    }

    /** A batch whose only item was refused: 400, the item named by its path. */
    private static void expectItem(List<String> wrong, String what, HttpResponse<String> response, String field) {
        JsonNode refused = ServiceClient.json(response).path("refused");
        if (response.statusCode() != 400 || refused.size() != 1 || !field.equals(refused.get(0).path("field").asString())) {
            wrong.add(what + ": expected 400 refusing " + field + ", got " + response.statusCode() + " " + response.body());
        }
    }

    private ServiceClient trader() {
        return ServiceClient.as(port, "trader");
    }
}
