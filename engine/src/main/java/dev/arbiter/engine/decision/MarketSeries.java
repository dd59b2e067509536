package dev.arbiter.engine.decision;

import dev.arbiter.kb.InvalidFactException;
import dev.arbiter.kb.fact.Bar;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Bars of one instrument as a request carries them: the symbol and period once, then rows.
 *
 * @param bars oldest first; each row's {@code openTime} is the bar's open (UTC)
 */
public record MarketSeries(String symbol, Duration period, List<Row> bars) {

    /** One OHLCV row. */
    public record Row(Instant openTime, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close,
                      BigDecimal volume) {
    }

    public MarketSeries {
        bars = bars == null ? List.of() : List.copyOf(bars);
        checked(symbol, period, bars, null); // fail at the door, naming the bar
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
