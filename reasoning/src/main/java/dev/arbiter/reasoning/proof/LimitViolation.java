package dev.arbiter.reasoning.proof;

import static dev.arbiter.kb.Require.text;

/**
 * One hard limit the orders break.
 *
 * @param limit  the limit's name: {@code gross-exposure}, {@code free-balance}, {@code net-exposure},
 *               {@code leverage}, {@code stressed-leverage}, {@code margin-utilisation},
 *               {@code instrument-share:<symbol>}, {@code cluster-share:<cluster>}, {@code sector-share:<sector>},
 *               {@code position-quantity:<symbol>}, {@code min-notional:<proposalId>},
 *               {@code max-quantity:<proposalId>} or {@code non-negative:<proposalId>}
 * @param detail one sentence with the exact numbers, e.g. "gross exposure 61234.50 exceeds the limit 50000"
 */
public record LimitViolation(String limit, String detail) {

    public LimitViolation {
        text("LimitViolation", "limit", limit);
        text("LimitViolation", "detail", detail);
    }
}
