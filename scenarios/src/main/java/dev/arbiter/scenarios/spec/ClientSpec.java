package dev.arbiter.scenarios.spec;

import java.math.BigDecimal;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A client trading system sending buy intents on a schedule (every {@code everyBars} bars, for
 * {@code notional} each, with a stop {@code stopFraction} below the price, or none), so the risk layers see
 * orders also when no strategy rule proposes one: a dip-buyer is exactly who a crash halt must stop.
 *
 * @param symbols the symbols it buys, or empty for every symbol of the scenario
 */
public record ClientSpec(String name, int everyBars, BigDecimal notional, OptionalDouble stopFraction,
                         List<String> symbols) {

    public ClientSpec {
        symbols = List.copyOf(symbols);
    }
}
