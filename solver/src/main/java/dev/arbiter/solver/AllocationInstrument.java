package dev.arbiter.solver;

import static dev.arbiter.kb.Require.identifier;
import static dev.arbiter.kb.Require.nonNegative;

import java.math.BigDecimal;

/**
 * What the allocator needs to know about an instrument beyond a candidate's lot size: the groups its
 * exposure counts towards and the smallest order the venue accepts.
 *
 * @param symbol      the instrument, e.g. {@code BTC-USD}
 * @param cluster     its correlation cluster, e.g. {@code majors}; must be one the limits cap when any
 *                    cluster cap is set
 * @param sector      its sector, e.g. {@code layer-1}, or {@code null} when unknown (no sector cap then
 *                    applies to it)
 * @param minNotional smallest order value the venue accepts, &ge; 0: a size is either 0 or at least this
 */
public record AllocationInstrument(String symbol, String cluster, String sector, BigDecimal minNotional) {

    private static final String FACT = "AllocationInstrument";

    public AllocationInstrument {
        identifier(FACT, "symbol", symbol);
        identifier(FACT, "cluster", cluster);
        if (sector != null) {
            identifier(FACT, "sector", sector);
        }
        nonNegative(FACT, "minNotional", minNotional);
    }
}
