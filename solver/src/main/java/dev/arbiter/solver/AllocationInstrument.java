package dev.arbiter.solver;

import static dev.arbiter.kb.Require.identifier;
import static dev.arbiter.kb.Require.nonNegative;
import static dev.arbiter.kb.Require.positive;

import dev.arbiter.kb.fact.InstrumentKind;
import dev.arbiter.kb.fact.Side;
import dev.arbiter.kb.margin.OrderMargin;
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
 * @param venue       where it trades, e.g. {@code binance-us}, or {@code null} when not said (no venue limit then
 *                    applies to it)
 */
public record AllocationInstrument(String symbol, String cluster, String sector, BigDecimal minNotional,
                                   InstrumentKind kind, BigDecimal leverage, String venue) {

    private static final String FACT = "AllocationInstrument";

    /** A spot instrument. */
    public AllocationInstrument(String symbol, String cluster, String sector, BigDecimal minNotional) {
        this(symbol, cluster, sector, minNotional, InstrumentKind.SPOT, BigDecimal.ONE, null);
    }

    /** An instrument at no venue in particular. */
    public AllocationInstrument(String symbol, String cluster, String sector, BigDecimal minNotional,
                                InstrumentKind kind, BigDecimal leverage) {
        this(symbol, cluster, sector, minNotional, kind, leverage, null);
    }

    public AllocationInstrument {
        kind = kind == null ? InstrumentKind.SPOT : kind;
        leverage = leverage == null ? BigDecimal.ONE : positive(FACT, "leverage", leverage);
        identifier(FACT, "symbol", symbol);
        identifier(FACT, "cluster", cluster);
        if (sector != null) {
            identifier(FACT, "sector", sector);
        }
        if (venue != null) {
            identifier(FACT, "venue", venue);
        }
        nonNegative(FACT, "minNotional", minNotional);
    }

    /** The balance one unit of an order's value takes ({@link OrderMargin#share}). */
    public BigDecimal balanceShare(Side side, BigDecimal marginRate) {
        return OrderMargin.share(kind, leverage, side, marginRate);
    }
}
