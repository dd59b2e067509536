package dev.arbiter.reasoning.proof;

import static dev.arbiter.kb.Require.identifier;
import static dev.arbiter.kb.Require.nonNegative;

import dev.arbiter.kb.fact.InstrumentKind;
import dev.arbiter.kb.fact.Side;
import dev.arbiter.kb.margin.OrderMargin;
import java.math.BigDecimal;

/**
 * The groups an instrument's exposure counts towards and the smallest order the venue accepts.
 *
 * @param cluster     its correlation cluster
 * @param sector      its sector, or {@code null} (no sector limit applies to it)
 * @param minNotional the smallest value a traded order may have, &ge; 0
 * @param kind        spot or perpetual: what an order takes from the free balance depends on it
 * @param leverage    the leverage a perpetual is traded at (1 for spot)
 * @param venue       where it trades, or {@code null} (no venue limit applies to it)
 */
public record InstrumentTerms(String symbol, String cluster, String sector, BigDecimal minNotional,
                              InstrumentKind kind, BigDecimal leverage, String venue) {

    /** A spot instrument. */
    public InstrumentTerms(String symbol, String cluster, String sector, BigDecimal minNotional) {
        this(symbol, cluster, sector, minNotional, InstrumentKind.SPOT, BigDecimal.ONE, null);
    }

    /** An instrument at no venue in particular. */
    public InstrumentTerms(String symbol, String cluster, String sector, BigDecimal minNotional,
                           InstrumentKind kind, BigDecimal leverage) {
        this(symbol, cluster, sector, minNotional, kind, leverage, null);
    }

    private static final String FACT = "InstrumentTerms";
    /** The cluster of an instrument the state does not describe, as the allocator assumes. */
    public static final String DEFAULT_CLUSTER = "all";

    public InstrumentTerms {
        identifier(FACT, "symbol", symbol);
        identifier(FACT, "cluster", cluster);
        if (sector != null) {
            identifier(FACT, "sector", sector);
        }
        if (venue != null) {
            identifier(FACT, "venue", venue);
        }
        nonNegative(FACT, "minNotional", minNotional);
        kind = kind == null ? InstrumentKind.SPOT : kind;
        leverage = leverage == null ? BigDecimal.ONE : leverage;
    }

    /** The balance one unit of an order's value takes ({@link OrderMargin#share}). */
    BigDecimal balanceShare(Side side, BigDecimal marginRate) {
        return OrderMargin.share(kind, leverage, side, marginRate);
    }

    /** An instrument nobody described: cluster {@code all}, no sector, no minimum notional. */
    static InstrumentTerms undescribed(String symbol) {
        return new InstrumentTerms(symbol, DEFAULT_CLUSTER, null, BigDecimal.ZERO);
    }
}
