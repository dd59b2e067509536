package dev.arbiter.engine.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A client cannot move the engine's time forward: a decision, a bar or a fill dated after the service's clock (beyond
 * the allowed skew) is refused, so no one rolls the trading day early to get past the daily loss limit; past times
 * (late reports, replays of history) are taken.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ClockGuardIT {

    @LocalServerPort
    private int port;

    @BeforeAll
    static void needsPostgres() {
        PostgresScratch.assumeReachable();
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresScratch.register(registry, "clock");
    }

    @Test
    void timesAheadOfTheServicesClockAreRefusedAndChangeNothing() throws Exception {
        ServiceClient trader = ServiceClient.as(port, "trader");
        trader.exampleAccount("acct-clock");
        JsonNode before = ServiceClient.json(trader.get("/v1/accounts/acct-clock"));
        String tomorrow = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();

        HttpResponse<String> decision = trader.post("/v1/decisions", """
                {"requestId": "r-future", "asOf": "%s", "account": {"accountId": "acct-clock"},
                 "intents": [{"intentId": "i-1", "accountId": "acct-clock", "symbol": "ETH-USD", "side": "BUY",
                              "quantity": 1, "limitPrice": 1693, "stopLoss": 1640, "strategy": "s", "conviction": 0.5}]}"""
                .formatted(tomorrow));
        assertThat(decision.statusCode()).as(decision.body()).isEqualTo(400);
        assertThat(ServiceClient.json(decision).path("field").asString()).isEqualTo("asOf");
        assertThat(ServiceClient.json(decision).path("accepted").asString()).contains("the service's clock");

        HttpResponse<String> bar = trader.post("/v1/market/bars", """
                {"symbol": "ETH-USD", "period": "PT5M", "bars": [{"openTime": "%s", "open": 1700, "high": 1701,
                 "low": 1699, "close": 1700, "volume": 1}]}""".formatted(tomorrow));
        assertThat(bar.statusCode()).isEqualTo(400);
        assertThat(ServiceClient.json(bar).path("refused").get(0).path("field").asString()).isEqualTo("bars[0].openTime");

        HttpResponse<String> fill = trader.post("/v1/fills", """
                {"fills": [{"fillId": "f-future", "accountId": "acct-clock", "symbol": "ETH-USD", "side": "SELL",
                 "quantity": 1, "price": 1700, "filledAt": "%s"}]}""".formatted(tomorrow));
        assertThat(fill.statusCode()).isEqualTo(400);
        assertThat(ServiceClient.json(fill).path("refused").get(0).path("field").asString()).isEqualTo("fills[0].filledAt");

        JsonNode after = ServiceClient.json(trader.get("/v1/accounts/acct-clock"));
        assertThat(after.path("journalPosition").asLong()).isEqualTo(before.path("journalPosition").asLong());
        assertThat(after.path("stateHash").asString()).isEqualTo(before.path("stateHash").asString());
        assertThat(after.path("tradingDayStart").asString()).isEqualTo(before.path("tradingDayStart").asString());
    }
}
