package dev.arbiter.kb.fact;

import static dev.arbiter.kb.Require.identifier;
import static dev.arbiter.kb.Require.nonNegative;
import static dev.arbiter.kb.Require.positive;
import static dev.arbiter.kb.Require.present;

import dev.arbiter.kb.InvalidFactException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * One OHLCV bar. Prices must be positive and consistent (low &le; open, close &le; high).
 *
 * @param symbol   instrument symbol
 * @param openTime when the bar opened (UTC)
 * @param period   the bar's length, e.g. five minutes
 */
public record Bar(String symbol, Instant openTime, Duration period, BigDecimal open, BigDecimal high,
                  BigDecimal low, BigDecimal close, BigDecimal volume) {

    public Bar {
        identifier("Bar", "symbol", symbol);
        present("Bar", "openTime", openTime);
        present("Bar", "period", period);
        if (period.isZero() || period.isNegative()) {
            throw new InvalidFactException("Bar", "period", period, "a positive duration such as PT5M");
        }
        positive("Bar", "open", open);
        positive("Bar", "high", high);
        positive("Bar", "low", low);
        positive("Bar", "close", close);
        nonNegative("Bar", "volume", volume);
        if (high.compareTo(low) < 0) {
            throw new InvalidFactException("Bar", "high", high,
                    "a price >= low (" + low.toPlainString() + ")");
        }
        requireWithinRange("open", open, low, high);
        requireWithinRange("close", close, low, high);
    }

    private static void requireWithinRange(String field, BigDecimal price, BigDecimal low, BigDecimal high) {
        if (price.compareTo(low) < 0 || price.compareTo(high) > 0) {
            throw new InvalidFactException("Bar", field, price,
                    "a price between low (" + low.toPlainString() + ") and high (" + high.toPlainString() + ")");
        }
    }

    /** When the bar closed: its open time plus its period. */
    public Instant endTime() {
        return openTime.plus(period);
    }
}
