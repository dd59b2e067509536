package dev.arbiter.mlbridge.orderbook;

import dev.arbiter.kb.fact.IndicatorValue;
import java.time.Instant;
import java.util.List;

/**
 * Features of a valid book at one moment.
 *
 * @param spreadBps   (ask − bid) / mid, in basis points
 * @param microprice  (bid × askQty + ask × bidQty) / (bidQty + askQty): the mid tilted toward the thinner side
 * @param imbalance   (bid depth − ask depth) / (bid depth + ask depth) over the best {@code levels} levels, −1..1
 */
public record BookFeatures(double bid, double ask, double spread, double spreadBps, double microprice, int levels, double imbalance) {

    public static BookFeatures of(OrderBook book, int levels) {
        List<OrderBook.Level> bids = book.bids(levels);
        List<OrderBook.Level> asks = book.asks(levels);
        OrderBook.Level bestBid = bids.get(0);
        OrderBook.Level bestAsk = asks.get(0);
        double mid = (bestBid.price() + bestAsk.price()) / 2;
        double spread = bestAsk.price() - bestBid.price();
        double micro = (bestBid.price() * bestAsk.quantity() + bestAsk.price() * bestBid.quantity())
                / (bestBid.quantity() + bestAsk.quantity());
        double bidDepth = bids.stream().mapToDouble(OrderBook.Level::quantity).sum();
        double askDepth = asks.stream().mapToDouble(OrderBook.Level::quantity).sum();
        return new BookFeatures(bestBid.price(), bestAsk.price(), spread, 1e4 * spread / mid, micro, levels,
                (bidDepth - askDepth) / (bidDepth + askDepth));
    }

    /** As facts rules can match: {@code spread_bps}, {@code microprice}, {@code imbalance_<levels>}. */
    public List<IndicatorValue> facts(String symbol, Instant time) {
        return List.of(new IndicatorValue(symbol, "spread_bps", time, spreadBps),
                new IndicatorValue(symbol, "microprice", time, microprice),
                new IndicatorValue(symbol, "imbalance_" + levels, time, imbalance));
    }
}
