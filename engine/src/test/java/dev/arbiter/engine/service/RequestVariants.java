package dev.arbiter.engine.service;

import dev.arbiter.engine.decision.ExampleRequests;
import dev.arbiter.engine.json.ArbiterJson;
import java.math.BigDecimal;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Variants of the documented example request (real ETH-USD bars): other accounts, sizes and times. */
final class RequestVariants {

    private RequestVariants() {
    }

    /** Variant {@code n} for {@code account}: its own request id, intent sizes and decision time. */
    static byte[] variant(int n, String account) {
        ObjectNode request = (ObjectNode) ArbiterJson.mapper().readTree(ExampleRequests.exampleBytes());
        request.put("requestId", "variant-" + n + "-" + account);
        request.put("asOf", "2023-03-15T13:35:" + String.format("%02d", 30 + n % 29) + "Z");
        ((ObjectNode) request.get("account")).put("accountId", account);
        for (String part : new String[] {"positions", "openOrders"}) {
            for (JsonNode item : request.withArray(part)) {
                ((ObjectNode) item).put("accountId", account);
            }
        }
        int i = 0;
        for (JsonNode intent : request.withArray("intents")) {
            ObjectNode o = (ObjectNode) intent;
            o.put("accountId", account);
            o.put("quantity", new BigDecimal(1 + (n * 7 + i * 13) % 40));
            i++;
        }
        return ArbiterJson.mapper().writeValueAsBytes(request);
    }

    /** The variant without positions and bars: the service fills them in from what it stored. */
    static byte[] withoutPositionsAndBars(int n, String account) {
        ObjectNode request = (ObjectNode) ArbiterJson.mapper().readTree(variant(n, account));
        request.remove("positions");
        request.remove("marketData");
        return ArbiterJson.mapper().writeValueAsBytes(request);
    }

    /** The example's ETH-USD series as a bars ingestion body. */
    static String exampleBars() {
        JsonNode series = ArbiterJson.mapper().readTree(ExampleRequests.exampleBytes()).get("marketData").get(0);
        return ArbiterJson.mapper().writeValueAsString(series);
    }
}
