package dev.arbiter.engine.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A perpetual's mark prices and funding rates over real HTTP: kept in order and once each, bad marks refused one by
 * one in our words, a spot symbol refused, and a held perpetual valued at the mark rather than at its last trade.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MarkPricesIT {

    @LocalServerPort
    private int port;

    @BeforeAll
    static void needsPostgres() {
        PostgresScratch.assumeReachable();
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresScratch.register(registry, "marks");
    }

    @Test
    void marksAreKeptInOrderAndAHeldPerpetualIsValuedAtTheMark() throws Exception {
        ServiceClient trader = ServiceClient.as(port, "trader");
        HttpResponse<String> opened = trader.put("/v1/accounts/acct-perp", """
                {"accountId": "acct-perp", "equity": 10000, "at": "2020-03-12T00:00:00Z"}""");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        HttpResponse<String> bar = trader.post("/v1/market/bars", """
                {"symbol": "BTC-USDT-PERP", "period": "PT1H", "bars": [{"openTime": "2020-03-12T00:00:00Z",
                 "open": 7936.25, "high": 7960, "low": 7820.5, "close": 7853.2, "volume": 25000}]}""");
        assertThat(bar.statusCode()).as(bar.body()).isEqualTo(200);
        HttpResponse<String> fill = trader.post("/v1/fills", """
                {"fills": [{"fillId": "perp-1", "accountId": "acct-perp", "symbol": "BTC-USDT-PERP", "side": "BUY",
                 "quantity": 1, "price": 7853.2, "filledAt": "2020-03-12T01:00:00Z"}]}""");
        assertThat(fill.statusCode()).as(fill.body()).isEqualTo(200);

        HttpResponse<String> marks = trader.post("/v1/market/marks", """
                {"symbol": "BTC-USDT-PERP", "marks": [
                  {"time": "2020-03-12T01:00:00Z", "price": 7849.87, "fundingRate": 0.0001,
                   "nextFundingTime": "2020-03-12T08:00:00Z"},
                  {"time": "2020-03-12T00:30:00Z", "price": 7900, "fundingRate": 0.0001},
                  {"time": "2020-03-12T01:00:05Z", "price": -1, "fundingRate": 0.0001},
                  {"time": "2020-03-12T01:00:06Z", "price": 7851, "fundingRate": null},
                  {"time": "2020-03-12T01:00:07Z", "price": 7850.1, "fundingRate": 2}]}""");
        assertThat(marks.statusCode()).as(marks.body()).isEqualTo(200);
        JsonNode answer = ServiceClient.json(marks);
        assertThat(answer.path("kept").asInt()).isEqualTo(1);
        assertThat(answer.path("refused")).extracting(r -> r.path("field").asString())
                .containsExactly("marks[1].time", "marks[2].price", "marks[3].fundingRate", "marks[4].fundingRate");
        assertThat(answer.path("refused").get(0).path("accepted").asString()).contains("in time order");
        assertThat(answer.path("refused").get(3).path("accepted").asString()).contains("between -1 and 1");
        assertThat(answer.path("refused").toString()).doesNotContain("Exception", "java.", "tools.jackson");

        // valued at the venue's mark (7,849.87), not at the last trade (7,853.20): 1 BTC long, entry 7,853.20
        JsonNode account = ServiceClient.json(trader.get("/v1/accounts/acct-perp"));
        assertThat(account.path("equity").decimalValue()).isEqualByComparingTo("9996.67");

        HttpResponse<String> repeat = trader.post("/v1/market/marks", """
                {"symbol": "BTC-USDT-PERP", "marks": [{"time": "2020-03-12T01:00:00Z", "price": 7849.87,
                 "fundingRate": 0.0001, "nextFundingTime": "2020-03-12T08:00:00Z"}]}""");
        assertThat(ServiceClient.json(repeat).path("ignored").asInt()).isEqualTo(1);

        HttpResponse<String> spot = trader.post("/v1/market/marks", """
                {"symbol": "ETH-USD", "marks": [{"time": "2020-03-12T01:00:00Z", "price": 190, "fundingRate": 0}]}""");
        assertThat(spot.statusCode()).isEqualTo(400);
        assertThat(ServiceClient.json(spot).path("field").asString()).isEqualTo("symbol");
        assertThat(ServiceClient.json(spot).path("accepted").asString()).contains("a listed perpetual", "BTC-USDT-PERP");
    }
}
