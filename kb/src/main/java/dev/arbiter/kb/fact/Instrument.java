package dev.arbiter.kb.fact;

import static dev.arbiter.kb.Require.identifier;
import static dev.arbiter.kb.Require.nonNegative;
import static dev.arbiter.kb.Require.positive;

import dev.arbiter.kb.InvalidFactException;
import java.math.BigDecimal;

/**
 * A tradable instrument as the reference knowledge base describes it.
 *
 * @param symbol      the instrument's symbol, e.g. {@code ETH-USD}
 * @param venue       where it trades
 * @param cluster     correlation cluster it belongs to (exposure caps group by cluster)
 * @param tickSize    smallest price increment
 * @param lotSize     smallest quantity increment
 * @param minNotional smallest order value the venue accepts
 * @param maxNotional largest order value the venue accepts
 * @param kind        spot or perpetual (spot when not given): whether it can be sold short and is held on margin
 * @param leverage    the desk's leverage setting on the venue (a perpetual's initial margin is value / leverage);
 *                    1 for spot, and when not given
 */
public record Instrument(String symbol, String venue, String cluster, BigDecimal tickSize, BigDecimal lotSize,
                         BigDecimal minNotional, BigDecimal maxNotional, InstrumentKind kind, BigDecimal leverage) {

    /** A spot instrument. */
    public Instrument(String symbol, String venue, String cluster, BigDecimal tickSize, BigDecimal lotSize,
                      BigDecimal minNotional, BigDecimal maxNotional) {
        this(symbol, venue, cluster, tickSize, lotSize, minNotional, maxNotional, InstrumentKind.SPOT, BigDecimal.ONE);
    }

    public Instrument {
        if (kind == null) {
            kind = InstrumentKind.SPOT;
        }
        if (leverage == null) {
            leverage = BigDecimal.ONE;
        }
        positive("Instrument", "leverage", leverage);
        if (kind == InstrumentKind.SPOT && leverage.compareTo(BigDecimal.ONE) != 0) {
            throw new InvalidFactException("Instrument", "leverage", leverage, "1 for spot, which is paid in full");
        }
        identifier("Instrument", "symbol", symbol);
        identifier("Instrument", "venue", venue);
        identifier("Instrument", "cluster", cluster);
        positive("Instrument", "tickSize", tickSize);
        positive("Instrument", "lotSize", lotSize);
        nonNegative("Instrument", "minNotional", minNotional);
        positive("Instrument", "maxNotional", maxNotional);
        if (maxNotional.compareTo(minNotional) < 0) {
            throw new InvalidFactException("Instrument", "maxNotional", maxNotional,
                    "a number >= minNotional (" + minNotional.toPlainString() + ")");
        }
    }

    /**
     * What an order in this instrument takes from the free balance: see
     * {@link dev.arbiter.kb.margin.OrderMargin#balanceNeeded}.
     */
    public BigDecimal balanceNeeded(BigDecimal notional, Side side, BigDecimal marginRate) {
        return dev.arbiter.kb.margin.OrderMargin.balanceNeeded(kind, leverage, side, notional, marginRate);
    }
}
