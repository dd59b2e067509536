package dev.arbiter.engine.service;

import dev.arbiter.engine.json.ArbiterJson;
import java.util.Map;

/**
 * A real limit change for lifecycle tests: the price collar widened from 5 % to 7 %, alone (the shipped cases read the
 * collar their background pins, so they still pass) or with cases that pin the release's own collar
 * ({@code releaseLimits}), as an officer writes them when that number itself must be tested.
 */
final class WiderCollar {

    static final String TESTS_AT_7_PERCENT = """
            cases:
              - name: rejects a limit price 7.95% from the last close
                releaseLimits: [price-collar]
                given:
                  - OrderIntent: {intentId: i-1, accountId: acct-1, symbol: ETH-USD, side: SELL, quantity: 1, limitPrice: 1500, stopLoss: 1700, strategy: s, conviction: 0.5}
                expect:
                  fired: [L7-PRICE-COLLAR]
                  outcomes:
                    - {kind: REJECT, proposal: i-1, code: L7-PRICE-COLLAR, message: "limit price 1500 is 7.95% from the last close 1629.52, outside the 7% collar"}
              - name: lets a limit price 5.49% from the last close through
                releaseLimits: [price-collar]
                given:
                  - OrderIntent: {intentId: i-1, accountId: acct-1, symbol: ETH-USD, side: SELL, quantity: 1, limitPrice: 1540, stopLoss: 1700, strategy: s, conviction: 0.5}
                expect:
                  notFired: [L7-PRICE-COLLAR]
            """;

    static final String TEST_FILE = "l7-compliance/price-collar.test.yaml";

    private WiderCollar() {
    }

    /** The active limits file with the collar at 7 %. */
    static String limits(String activeLimitsJson) {
        String changed = activeLimitsJson.replaceFirst("\"price-collar\"\\s*:\\s*[0-9.]+", "\"price-collar\": 0.07");
        if (changed.equals(activeLimitsJson)) {
            throw new IllegalStateException("the limits file has no price-collar to widen");
        }
        return changed;
    }

    /** The upload body: limits and the cases that pin the new collar, or the limits alone. */
    static byte[] upload(String activeLimitsJson, boolean withTests, String note) {
        Map<String, String> files = withTests
                ? Map.of("limits.json", limits(activeLimitsJson), TEST_FILE, TESTS_AT_7_PERCENT)
                : Map.of("limits.json", limits(activeLimitsJson));
        return ArbiterJson.mapper().writeValueAsBytes(Map.of("note", note, "files", files));
    }
}
