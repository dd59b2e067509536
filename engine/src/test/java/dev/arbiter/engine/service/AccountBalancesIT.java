package dev.arbiter.engine.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.engine.json.ArbiterJson;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Account state moves with fills against the real PostgreSQL: balances set once, then every buy spends value
 * and fee, every sell adds value less fee, positions follow, and a decision that names only the account id is
 * made with the balances as the fills left them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccountBalancesIT {

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
    void fillsMoveBalancesAndPositionsAndDecisionsUseThem() throws Exception {
        ServiceClient trader = ServiceClient.as(port, "trader");
        HttpResponse<String> set = trader.put("/v1/accounts/acct-bal", """
                {"accountId": "acct-bal", "equity": 100000, "freeBalance": 60000, "highWaterMark": 104000,
                 "dailyPnl": 0, "state": "ACTIVE"}""");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);

        assertThat(trader.post("/v1/fills", """
                {"fills": [
                  {"fillId": "f-1", "accountId": "acct-bal", "symbol": "ETH-USD", "side": "BUY", "quantity": 2,
                   "price": 1600, "filledAt": "2023-03-15T13:00:00Z", "fee": 1.6},
                  {"fillId": "f-2", "accountId": "acct-bal", "symbol": "ETH-USD", "side": "SELL", "quantity": 1,
                   "price": 1700, "filledAt": "2023-03-15T13:10:00Z", "fee": 0.85}]}""").statusCode()).isEqualTo(200);

        JsonNode state = ServiceClient.json(trader.get("/v1/accounts/acct-bal"));
        // 60000 - 2 x 1600 - 1.6 + 1 x 1700 - 0.85 = 58497.55; equity and the day's P&L lose the fees (2.45)
        assertThat(state.path("account").path("freeBalance").decimalValue()).isEqualByComparingTo("58497.55");
        assertThat(state.path("account").path("equity").decimalValue()).isEqualByComparingTo("99997.55");
        assertThat(state.path("account").path("dailyPnl").decimalValue()).isEqualByComparingTo("-2.45");
        assertThat(state.path("positions").get(0).path("quantity").decimalValue()).isEqualByComparingTo("1");

        ObjectNode request = (ObjectNode) ArbiterJson.mapper().readTree(RequestVariants.variant(1, "acct-bal"));
        request.set("account", ArbiterJson.mapper().createObjectNode().put("accountId", "acct-bal"));
        HttpResponse<String> decided = trader.post("/v1/decisions", ArbiterJson.mapper().writeValueAsBytes(request));
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(201);
        String id = ServiceClient.json(decided).path("decisionId").asString();
        JsonNode account = ServiceClient.json(trader.get("/v1/decisions/" + id + "/trace")).path("request").path("account");
        assertThat(account.path("freeBalance").decimalValue()).isEqualByComparingTo("58497.55");
        assertThat(account.path("equity").decimalValue()).isEqualByComparingTo("99997.55");
    }

    @Test
    void refusesAnAccountUnderAnotherIdOrANegativeFee() throws Exception {
        ServiceClient trader = ServiceClient.as(port, "trader");
        HttpResponse<String> otherId = trader.put("/v1/accounts/acct-a", """
                {"accountId": "acct-b", "equity": 1, "freeBalance": 1, "highWaterMark": 1, "dailyPnl": 0, "state": "ACTIVE"}""");
        assertThat(otherId.statusCode()).isEqualTo(400);
        assertThat(ServiceClient.json(otherId).path("field").asString()).isEqualTo("accountId");

        HttpResponse<String> negativeFee = trader.post("/v1/fills", """
                {"fills": [{"fillId": "f-9", "accountId": "acct-a", "symbol": "ETH-USD", "side": "BUY", "quantity": 1,
                            "price": 1600, "filledAt": "2023-03-15T13:00:00Z", "fee": -1}]}""");
        assertThat(negativeFee.statusCode()).isEqualTo(400);
        assertThat(negativeFee.body()).contains("fills[0].fee");
    }
}
