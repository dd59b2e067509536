package dev.arbiter.mlbridge.orderbook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps an {@link OrderBook} in sync with a feed the way Binance prescribes: diffs that arrive
 * before the snapshot are buffered and replayed after it (those it already covers are skipped);
 * from then on each diff is applied in sequence, and a gap leaves the book invalid until the next
 * snapshot. Also keeps the trade flow, and checks the rebuilt best bid and ask against the exchange's
 * own book ticker wherever a ticker's update id is the last id of a diff (the book is then in exactly
 * the state the ticker describes), whichever of the two arrives first.
 */
public final class BookSync implements BinanceFeed.Listener {

    private record Ticker(double bid, double ask) {
    }

    private record Diff(long first, long last, List<OrderBook.Level> bids, List<OrderBook.Level> asks) {
    }

    private final OrderBook book = new OrderBook();
    private final TradeFlow flow;
    private final List<Diff> early = new ArrayList<>();
    /** Tickers ahead of the book, by update id, compared once the diff ending at that id is applied. */
    private final java.util.TreeMap<Long, Ticker> pendingTickers = new java.util.TreeMap<>();
    private boolean snapshotSeen;
    private int applied;
    private int tickerChecks;
    private int tickerMismatches;
    private Instant lastEvent;

    public BookSync(TradeFlow flow) {
        this.flow = flow;
    }

    @Override
    public void snapshot(Instant received, long lastUpdateId, List<OrderBook.Level> bids, List<OrderBook.Level> asks) {
        book.snapshot(lastUpdateId, bids, asks);
        snapshotSeen = true;
        for (Diff diff : early) {
            count(book.apply(diff.first(), diff.last(), diff.bids(), diff.asks()));
        }
        early.clear();
    }

    @Override
    public void depth(Instant received, Instant event, long first, long last, List<OrderBook.Level> bids, List<OrderBook.Level> asks) {
        lastEvent = event;
        if (!snapshotSeen) {
            early.add(new Diff(first, last, bids, asks));
            return;
        }
        count(book.apply(first, last, bids, asks));
        if (book.valid()) {
            Ticker ticker = pendingTickers.remove(last);
            if (ticker != null) {
                compare(ticker.bid(), ticker.ask());
            }
            pendingTickers.headMap(last, true).clear();
        }
    }

    @Override
    public void trade(Instant received, Instant time, double price, double quantity, boolean buyerIsMaker) {
        flow.add(time, quantity, buyerIsMaker);
    }

    @Override
    public void bookTicker(Instant received, long updateId, double bid, double ask) {
        if (book.valid() && updateId == book.lastUpdateId()) {
            compare(bid, ask);
        } else if (updateId > book.lastUpdateId()) {
            pendingTickers.put(updateId, new Ticker(bid, ask));
        }
    }

    private void compare(double bid, double ask) {
        tickerChecks++;
        if (book.bids(1).get(0).price() != bid || book.asks(1).get(0).price() != ask) {
            tickerMismatches++;
        }
    }

    private void count(OrderBook.Applied result) {
        if (result == OrderBook.Applied.APPLIED) {
            applied++;
        }
    }

    public OrderBook book() {
        return book;
    }

    public int appliedDiffs() {
        return applied;
    }

    /** Book-ticker updates whose id matched the book's last applied update. */
    public int tickerChecks() {
        return tickerChecks;
    }

    public int tickerMismatches() {
        return tickerMismatches;
    }

    /** Exchange time of the last depth event seen. */
    public Instant lastEvent() {
        return lastEvent;
    }
}
