package dev.arbiter.engine.service;

import dev.arbiter.engine.decision.ExampleRequests;
import dev.arbiter.engine.json.ArbiterJson;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Variants of the documented slim request (an account id and two client intents; the engine completes it from the
 * account it keeps, see {@link ServiceClient#exampleAccount}): other accounts, sizes and times, and malformed ones.
 */
final class RequestVariants {

    private RequestVariants() {
    }

    /** The documented request for {@code account}. */
    static byte[] example(String account) {
        return ArbiterJson.mapper().writeValueAsBytes(tree(account));
    }

    /** Variant {@code n} for {@code account}: its own request id, intent sizes and decision time. */
    static byte[] variant(int n, String account) {
        ObjectNode request = tree(account);
        request.put("requestId", "variant-" + n + "-" + account);
        request.put("asOf", "2023-03-15T13:35:" + String.format("%02d", 30 + n % 29) + "Z");
        int i = 0;
        for (JsonNode intent : request.withArray("intents")) {
            ((ObjectNode) intent).put("quantity", new BigDecimal(1 + (n * 7 + i * 13) % 40));
            i++;
        }
        return ArbiterJson.mapper().writeValueAsBytes(request);
    }

    /** The example's ETH-USD series as a bars ingestion body. */
    static String exampleBars() {
        return new String(ExampleRequests.bytes("bars.json"), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A request broken in one place, and the field the refusal must name. */
    record Malformed(String name, String field, byte[] body) {

        @Override
        public String toString() {
            return name;
        }
    }

    /** The documented request for {@code account}, each broken in one place a client could get wrong. */
    static List<Malformed> malformed(String account) {
        String longId = "r".repeat(129);
        return List.of(
                bad(account, "no request id", "requestId", r -> r.remove("requestId")),
                bad(account, "blank request id", "requestId", r -> r.put("requestId", "  ")),
                bad(account, "request id of 129 characters", "requestId", r -> r.put("requestId", longId)),
                bad(account, "request id of 100,000 characters", "requestId", r -> r.put("requestId", "r".repeat(100_000))),
                bad(account, "request id as an object", "requestId", r -> r.putObject("requestId").put("id", 1)),
                bad(account, "no decision time", "asOf", r -> r.remove("asOf")),
                bad(account, "decision time not ISO-8601", "asOf", r -> r.put("asOf", "yesterday")),
                bad(account, "no account", "account", r -> r.remove("account")),
                bad(account, "account as a string", "account", r -> r.put("account", account)),
                bad(account, "account id with spaces", "account.accountId", r -> account(r).put("accountId", "acct 1")),
                bad(account, "account id of 65 characters", "account.accountId", r -> account(r).put("accountId", "a".repeat(65))),
                bad(account, "claimed equity not a number", "account.equity", r -> account(r).put("equity", "lots")),
                bad(account, "claimed state unknown", "account.state", r -> account(r).put("state", "SLEEPING")),
                bad(account, "unknown top-level field", "asOff", r -> r.put("asOff", "2023-03-15T13:35:30Z")),
                bad(account, "context sent", "context.killSwitch", r -> r.putObject("context").putObject("killSwitch")
                        .put("engaged", false)),
                bad(account, "context with an unknown part", "context.mood", r -> r.putObject("context").put("mood", "calm")),
                bad(account, "intents as a string", "intents", r -> r.put("intents", "buy")),
                bad(account, "an intent null", "intents[0]", r -> intents(r).set(0, (JsonNode) null)),
                bad(account, "negative quantity", "intents[0].quantity", r -> intent(r, 0).put("quantity", -25)),
                bad(account, "quantity as text", "intents[0].quantity", r -> intent(r, 0).put("quantity", "many")),
                bad(account, "zero limit price", "intents[1].limitPrice", r -> intent(r, 1).put("limitPrice", 0)),
                bad(account, "unknown side", "intents[0].side", r -> intent(r, 0).put("side", "LONG")),
                bad(account, "unlisted symbol", "intents[1].symbol", r -> intent(r, 1).put("symbol", "PEPE-USD")),
                bad(account, "another account's intent", "intents[0].accountId", r -> intent(r, 0).put("accountId", "acct-9")),
                bad(account, "intent id used twice", "intents[1].intentId", r -> intent(r, 1).put("intentId", "i-1")),
                bad(account, "conviction as text", "intents[0].conviction", r -> intent(r, 0).put("conviction", "high")),
                bad(account, "misspelt intent field", "intents[0].limitPrize", r -> intent(r, 0).put("limitPrize", 1693)),
                bad(account, "confidence above one", "predictions[0].confidence", r -> prediction(r).put("confidence", 1.64)),
                bad(account, "prediction from the future", "predictions[0].time", r -> prediction(r).put("time",
                        "2023-03-15T13:36:00Z")),
                bad(account, "market data for an unlisted symbol", "marketData[0].symbol", r -> r.putArray("marketData")
                        .addObject().put("symbol", "PEPE-USD").put("period", "PT5M").putArray("bars").addObject()
                        .put("openTime", "2023-03-15T13:30:00Z").put("open", 1).put("high", 1).put("low", 1).put("close", 1)
                        .put("volume", 1)),
                bad(account, "claimed positions as a number", "positions", r -> r.put("positions", 3)));
    }

    private static Malformed bad(String account, String name, String field, Consumer<ObjectNode> change) {
        ObjectNode request = tree(account);
        change.accept(request);
        return new Malformed(name, field, ArbiterJson.mapper().writeValueAsBytes(request));
    }

    private static ObjectNode tree(String account) {
        ObjectNode request = (ObjectNode) ArbiterJson.mapper().readTree(ExampleRequests.exampleBytes());
        account(request).put("accountId", account);
        for (JsonNode intent : request.withArray("intents")) {
            ((ObjectNode) intent).put("accountId", account);
        }
        return request;
    }

    private static ObjectNode account(ObjectNode request) {
        return (ObjectNode) request.get("account");
    }

    private static ArrayNode intents(ObjectNode request) {
        return (ArrayNode) request.get("intents");
    }

    private static ObjectNode intent(ObjectNode request, int i) {
        return (ObjectNode) intents(request).get(i);
    }

    private static ObjectNode prediction(ObjectNode request) {
        return (ObjectNode) request.withArray("predictions").get(0);
    }
}
