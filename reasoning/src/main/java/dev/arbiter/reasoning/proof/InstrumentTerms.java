package dev.arbiter.reasoning.proof;

import static dev.arbiter.kb.Require.identifier;
import static dev.arbiter.kb.Require.nonNegative;

import java.math.BigDecimal;

/**
 * The groups an instrument's exposure counts towards and the smallest order the venue accepts.
 *
 * @param cluster     its correlation cluster
 * @param sector      its sector, or {@code null} (no sector limit applies to it)
 * @param minNotional the smallest value a traded order may have, &ge; 0
 */
public record InstrumentTerms(String symbol, String cluster, String sector, BigDecimal minNotional) {

    private static final String FACT = "InstrumentTerms";
    /** The cluster of an instrument the state does not describe, as the allocator assumes. */
    public static final String DEFAULT_CLUSTER = "all";

    public InstrumentTerms {
        identifier(FACT, "symbol", symbol);
        identifier(FACT, "cluster", cluster);
        if (sector != null) {
            identifier(FACT, "sector", sector);
        }
        nonNegative(FACT, "minNotional", minNotional);
    }

    /** An instrument nobody described: cluster {@code all}, no sector, no minimum notional. */
    static InstrumentTerms undescribed(String symbol) {
        return new InstrumentTerms(symbol, DEFAULT_CLUSTER, null, BigDecimal.ZERO);
    }
}
