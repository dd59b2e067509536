package dev.arbiter.mlbridge.orderbook;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * An L2 order book kept from a snapshot and sequenced diffs, following Binance's rules: a diff
 * carries the first and last update ids {@code [U, u]} it covers; after a snapshot with
 * {@code lastUpdateId L}, diffs ending at or before L are skipped, the first applied diff must cover
 * L + 1, and each later one must start right after the previous one ended ({@code U = previous u + 1}).
 * A missed update, or a book whose best bid reaches its best ask, makes the book invalid: it then
 * refuses to answer until the next snapshot, rather than serve a silently wrong book. A level with
 * quantity 0 is removed.
 */
public final class OrderBook {

    private final NavigableMap<Double, Double> bids = new TreeMap<>(Collections.reverseOrder());
    private final NavigableMap<Double, Double> asks = new TreeMap<>();
    private long lastUpdateId = -1;
    private boolean synced;
    private String invalidReason = "no snapshot yet";

    /** A price level. */
    public record Level(double price, double quantity) {
    }

    /** What happened to a diff. */
    public enum Applied { APPLIED, SKIPPED_OLD, REJECTED_BOOK_INVALID }

    public void snapshot(long lastUpdateId, List<Level> bidLevels, List<Level> askLevels) {
        bids.clear();
        asks.clear();
        bidLevels.forEach(l -> set(bids, l));
        askLevels.forEach(l -> set(asks, l));
        this.lastUpdateId = lastUpdateId;
        this.synced = false;
        this.invalidReason = checkCrossed();
    }

    /** Applies diff {@code [first, last]}; a gap in the update ids invalidates the book. */
    public Applied apply(long first, long last, List<Level> bidLevels, List<Level> askLevels) {
        if (invalidReason != null) {
            return Applied.REJECTED_BOOK_INVALID;
        }
        if (last <= lastUpdateId) {
            return Applied.SKIPPED_OLD;
        }
        boolean inSequence = synced ? first == lastUpdateId + 1 : first <= lastUpdateId + 1;
        if (!inSequence) {
            invalidReason = "missed updates: diff [" + first + ", " + last + "] does not start at " + (lastUpdateId + 1)
                    + " (last applied " + lastUpdateId + "); a new snapshot is needed";
            return Applied.REJECTED_BOOK_INVALID;
        }
        bidLevels.forEach(l -> set(bids, l));
        askLevels.forEach(l -> set(asks, l));
        lastUpdateId = last;
        synced = true;
        invalidReason = checkCrossed();
        return invalidReason == null ? Applied.APPLIED : Applied.REJECTED_BOOK_INVALID;
    }

    public boolean valid() {
        return invalidReason == null;
    }

    /** Why the book is not valid, or null when it is. */
    public String invalidReason() {
        return invalidReason;
    }

    public long lastUpdateId() {
        return lastUpdateId;
    }

    /** The best {@code n} levels of a side, best first; fails when the book is invalid. */
    public List<Level> bids(int n) {
        return top(bids, n);
    }

    public List<Level> asks(int n) {
        return top(asks, n);
    }

    private List<Level> top(NavigableMap<Double, Double> side, int n) {
        requireValid();
        return side.entrySet().stream().limit(n).map(e -> new Level(e.getKey(), e.getValue())).toList();
    }

    private void requireValid() {
        if (invalidReason != null) {
            throw new IllegalStateException("order book is invalid: " + invalidReason);
        }
    }

    private String checkCrossed() {
        if (bids.isEmpty() || asks.isEmpty()) {
            return "a side of the book is empty";
        }
        Map.Entry<Double, Double> bestBid = bids.firstEntry();
        Map.Entry<Double, Double> bestAsk = asks.firstEntry();
        return bestBid.getKey() < bestAsk.getKey() ? null
                : "crossed book: best bid " + bestBid.getKey() + " >= best ask " + bestAsk.getKey();
    }

    private static void set(NavigableMap<Double, Double> side, Level level) {
        if (!(level.price() > 0) || !(level.quantity() >= 0) || !Double.isFinite(level.price()) || !Double.isFinite(level.quantity())) {
            throw new IllegalArgumentException("level " + level + " is not accepted; expected a price > 0 and a quantity >= 0");
        }
        if (level.quantity() == 0) {
            side.remove(level.price());
        } else {
            side.put(level.price(), level.quantity());
        }
    }
}
