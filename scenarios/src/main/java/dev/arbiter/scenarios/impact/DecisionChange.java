package dev.arbiter.scenarios.impact;

import java.time.Instant;
import java.util.List;

/**
 * One decision that rule set B makes differently from rule set A, on the same request.
 *
 * @param ordersA   the orders A approves, e.g. {@code BUY 0.5 ETH-USDT}
 * @param onlyA     reason codes, with the proposal's symbol, that A concluded and B did not: the rules
 *                  responsible for the change (e.g. {@code L4-VOLATILITY BTC-USDT})
 * @param onlyB     reason codes, with the symbol, that B concluded and A did not
 */
public record DecisionChange(int step, Instant time, String statusA, String statusB, List<String> ordersA,
                             List<String> ordersB, List<String> onlyA, List<String> onlyB) {

    /** Every rule responsible, A's then B's. */
    public List<String> responsible() {
        return java.util.stream.Stream.concat(onlyA.stream().map(c -> "A:" + c), onlyB.stream().map(c -> "B:" + c)).toList();
    }
}
