package dev.arbiter.mlbridge.orderbook;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Trade-flow imbalance over a sliding time window: (aggressive buy volume − aggressive sell volume)
 * / total volume, −1..1. A trade whose buyer was the maker was a sell hitting the bid. Trades must
 * arrive in time order; an older one is refused.
 */
public final class TradeFlow {

    private record Trade(Instant time, double quantity, boolean buyerAggressor) {
    }

    private final Duration window;
    private final Deque<Trade> trades = new ArrayDeque<>();
    private double buys;
    private double sells;

    public TradeFlow(Duration window) {
        this.window = window;
    }

    /** @param buyerIsMaker Binance's {@code m}: true when the aggressor sold */
    public void add(Instant time, double quantity, boolean buyerIsMaker) {
        if (!trades.isEmpty() && time.isBefore(trades.peekLast().time())) {
            throw new IllegalArgumentException("trade time " + time + " is not accepted; expected at or after " + trades.peekLast().time());
        }
        if (!(quantity > 0)) {
            throw new IllegalArgumentException("trade quantity " + quantity + " is not accepted; expected > 0");
        }
        Trade trade = new Trade(time, quantity, !buyerIsMaker);
        trades.addLast(trade);
        if (trade.buyerAggressor()) {
            buys += quantity;
        } else {
            sells += quantity;
        }
        evictBefore(time.minus(window));
    }

    /** The imbalance over the window ending at {@code now}; 0 when no trade is in it. */
    public double imbalance(Instant now) {
        evictBefore(now.minus(window));
        double total = buys + sells;
        return total == 0 ? 0 : (buys - sells) / total;
    }

    public int tradesInWindow() {
        return trades.size();
    }

    private void evictBefore(Instant cutoff) {
        while (!trades.isEmpty() && trades.peekFirst().time().isBefore(cutoff)) {
            Trade old = trades.removeFirst();
            if (old.buyerAggressor()) {
                buys -= old.quantity();
            } else {
                sells -= old.quantity();
            }
        }
        if (trades.isEmpty()) {
            buys = 0;
            sells = 0;
        }
    }
}
