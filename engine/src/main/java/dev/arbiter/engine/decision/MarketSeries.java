package dev.arbiter.engine.decision;

import dev.arbiter.kb.InvalidFactException;
import dev.arbiter.kb.fact.Bar;
import dev.arbiter.mlbridge.regime.Quote;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Bars of one instrument as a request carries them: the symbol and period once, then rows, and
 * optionally the latest best bid and ask quotes (for spread blow-out detection), a book snapshot and recent
 * trades (for order-book and trade-flow features, see {@link Microstructure}).
 *
 * @param bars   oldest first; each row's {@code openTime} is the bar's open (UTC)
 * @param quotes oldest first, optional
 * @param book   the latest book snapshot, optional
 * @param trades oldest first, optional
 */
public record MarketSeries(String symbol, Duration period, List<Row> bars, List<QuoteRow> quotes,
                           Microstructure.Book book, List<Microstructure.Trade> trades) {

    /** One OHLCV row. */
    public record Row(Instant openTime, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close,
                      BigDecimal volume) {
    }

    /** Best bid and ask at a time. */
    public record QuoteRow(Instant time, BigDecimal bid, BigDecimal ask) {
    }

    public MarketSeries {
        bars = bars == null ? List.of() : List.copyOf(bars);
        quotes = quotes == null ? List.of() : List.copyOf(quotes);
        trades = trades == null ? List.of() : List.copyOf(trades);
        checked(symbol, period, bars, null); // fail at the door, naming the bar
        checkedQuotes(quotes, null);
    }

    /** Bars without quotes, book or trades. */
    public MarketSeries(String symbol, Duration period, List<Row> bars) {
        this(symbol, period, bars, null, null, null);
    }

    /** Bars and quotes, without book or trades. */
    public MarketSeries(String symbol, Duration period, List<Row> bars, List<QuoteRow> quotes) {
        this(symbol, period, bars, quotes, null, null);
    }

    /**
     * The quotes, checked: bid &gt; 0, ask &ge; bid, times oldest first.
     *
     * @param path where this series sits in the request, for error messages
     */
    public List<Quote> toQuotes(String path) {
        return checkedQuotes(quotes, path);
    }

    private static List<Quote> checkedQuotes(List<QuoteRow> quotes, String path) {
        String prefix = path == null ? "" : path + ".";
        List<Quote> checked = new ArrayList<>(quotes.size());
        for (int i = 0; i < quotes.size(); i++) {
            QuoteRow row = quotes.get(i);
            String at = prefix + "quotes[" + i + "]";
            if (row.time() == null || row.bid() == null || row.ask() == null) {
                throw new InvalidRequestException(at, "a quote without time, bid or ask", "time, bid and ask");
            }
            try {
                checked.add(new Quote(row.time(), row.bid().doubleValue(), row.ask().doubleValue()));
            } catch (InvalidFactException e) {
                throw new InvalidRequestException(at + "." + e.field(), e.value(), e.accepted());
            }
            if (i > 0 && row.time().isBefore(quotes.get(i - 1).time())) {
                throw new InvalidRequestException(at + ".time", row.time().toString(),
                        "a time at or after the previous quote's " + quotes.get(i - 1).time() + " (quotes must be oldest first)");
            }
        }
        return checked;
    }

    /**
     * The rows as checked bars.
     *
     * @param path where this series sits in the request, for error messages (e.g. {@code marketData[0]})
     */
    public List<Bar> toBars(String path) {
        return checked(symbol, period, bars, path);
    }

    /** @param path prefix for error fields, or null for fields relative to this series */
    private static List<Bar> checked(String symbol, Duration period, List<Row> bars, String path) {
        String prefix = path == null ? "" : path + ".";
        if (bars.isEmpty()) {
            throw new InvalidRequestException(prefix + "bars", "[]", "at least one bar");
        }
        List<Bar> checked = new ArrayList<>(bars.size());
        for (int i = 0; i < bars.size(); i++) {
            Row row = bars.get(i);
            try {
                checked.add(new Bar(symbol, row.openTime(), period, row.open(), row.high(), row.low(), row.close(),
                        row.volume()));
            } catch (InvalidFactException e) {
                String field = switch (e.field()) {
                    case "symbol", "period" -> prefix + e.field();
                    default -> prefix + "bars[" + i + "]." + e.field();
                };
                throw new InvalidRequestException(field, e.value(), e.accepted());
            }
            if (i > 0) {
                Instant previous = bars.get(i - 1).openTime();
                int order = row.openTime().compareTo(previous);
                if (order <= 0) {
                    throw new InvalidRequestException(prefix + "bars[" + i + "].openTime", row.openTime().toString(),
                            order == 0 ? "a time after the previous bar's (duplicate bar)"
                                    : "a time after the previous bar's " + previous + " (bars must be oldest first)");
                }
            }
        }
        return checked;
    }
}
