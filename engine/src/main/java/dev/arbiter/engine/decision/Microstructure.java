package dev.arbiter.engine.decision;

import dev.arbiter.kb.fact.IndicatorValue;
import dev.arbiter.kb.fact.Side;
import dev.arbiter.mlbridge.orderbook.BookFeatures;
import dev.arbiter.mlbridge.orderbook.OrderBook;
import dev.arbiter.mlbridge.orderbook.TradeFlow;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Order-book and trade features of one instrument, when the client sends a book snapshot and recent trades:
 * {@code spread_bps}, {@code microprice} and {@code imbalance_<levels>} (depth imbalance over up to 5 levels) at
 * the book's time, and {@code trade_flow_imbalance_60s} (buyer- minus seller-initiated volume over the last
 * minute, over their sum) at the decision time. Each becomes an indicator fact rules can match.
 */
public final class Microstructure {

    static final int LEVELS = 5;
    static final Duration TRADE_WINDOW = Duration.ofSeconds(60);

    /** One price level of a side of the book. */
    public record Level(BigDecimal price, BigDecimal quantity) {
    }

    /** A book snapshot: bids best (highest) first, asks best (lowest) first. */
    public record Book(Instant time, List<Level> bids, List<Level> asks) {
    }

    /** One trade; {@code aggressor} is the side that took liquidity. */
    public record Trade(Instant time, BigDecimal price, BigDecimal quantity, Side aggressor) {
    }

    private Microstructure() {
    }

    /**
     * The facts for {@code symbol}, checking the book and trades first.
     *
     * @param path where the series sits in the request, e.g. {@code marketData[0]}
     */
    static List<IndicatorValue> facts(String path, String symbol, Book book, List<Trade> trades, Instant asOf) {
        List<IndicatorValue> facts = new ArrayList<>();
        if (book != null) {
            facts.addAll(bookFeatures(path + ".book", symbol, book, asOf));
        }
        if (!trades.isEmpty()) {
            TradeFlow flow = new TradeFlow(TRADE_WINDOW);
            for (int i = 0; i < trades.size(); i++) {
                Trade trade = trades.get(i);
                String at = path + ".trades[" + i + "]";
                require(trade.time() != null, at + ".time", "null", "an ISO-8601 UTC time");
                require(!trade.time().isAfter(asOf), at + ".time", trade.time().toString(), "a time at or before asOf " + asOf);
                require(i == 0 || !trade.time().isBefore(trades.get(i - 1).time()), at + ".time", trade.time().toString(),
                        "a time at or after the previous trade's " + (i == 0 ? "" : trades.get(i - 1).time()) + " (oldest first)");
                positive(trade.price(), at + ".price");
                positive(trade.quantity(), at + ".quantity");
                require(trade.aggressor() != null, at + ".aggressor", "null", "BUY or SELL: the side that took liquidity");
                flow.add(trade.time(), trade.quantity().doubleValue(), trade.aggressor() == Side.SELL);
            }
            facts.add(new IndicatorValue(symbol, "trade_flow_imbalance_60s", asOf, flow.imbalance(asOf)));
        }
        return facts;
    }

    private static List<IndicatorValue> bookFeatures(String path, String symbol, Book book, Instant asOf) {
        require(book.time() != null, path + ".time", "null", "an ISO-8601 UTC time");
        require(!book.time().isAfter(asOf), path + ".time", book.time().toString(), "a time at or before asOf " + asOf);
        List<OrderBook.Level> bids = levels(path + ".bids", book.bids(), true);
        List<OrderBook.Level> asks = levels(path + ".asks", book.asks(), false);
        OrderBook orderBook = new OrderBook();
        orderBook.snapshot(0, bids, asks);
        require(orderBook.valid(), path, "bid " + bids.getFirst().price() + " / ask " + asks.getFirst().price(),
                "a book whose best bid is below its best ask (" + orderBook.invalidReason() + ")");
        int levels = Math.min(LEVELS, Math.min(bids.size(), asks.size()));
        return BookFeatures.of(orderBook, levels).facts(symbol, book.time());
    }

    private static List<OrderBook.Level> levels(String path, List<Level> levels, boolean descending) {
        require(levels != null && !levels.isEmpty(), path, String.valueOf(levels), "at least one level {price, quantity}");
        List<OrderBook.Level> checked = new ArrayList<>(levels.size());
        for (int i = 0; i < levels.size(); i++) {
            Level level = levels.get(i);
            String at = path + "[" + i + "]";
            require(level != null, at, "null", "a level {price, quantity}");
            positive(level.price(), at + ".price");
            positive(level.quantity(), at + ".quantity");
            if (i > 0) {
                int order = level.price().compareTo(levels.get(i - 1).price());
                require(descending ? order < 0 : order > 0, at + ".price", level.price().toPlainString(),
                        descending ? "a price below the previous bid's (best first)" : "a price above the previous ask's (best first)");
            }
            checked.add(new OrderBook.Level(level.price().doubleValue(), level.quantity().doubleValue()));
        }
        return checked;
    }

    private static void positive(BigDecimal value, String field) {
        require(value != null && value.signum() > 0, field, String.valueOf(value), "a number > 0");
    }

    private static void require(boolean holds, String field, String value, String accepted) {
        if (!holds) {
            throw new InvalidRequestException(field, value, accepted);
        }
    }
}
