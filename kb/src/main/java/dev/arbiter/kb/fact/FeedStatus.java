package dev.arbiter.kb.fact;

import static dev.arbiter.kb.Require.identifier;
import static dev.arbiter.kb.Require.positive;
import static dev.arbiter.kb.Require.present;

import dev.arbiter.kb.InvalidFactException;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * What the engine knows about an instrument's market data at decision time: the last bar's end and
 * close, and how old that bar is. Operational rules use it to refuse trading on stale data.
 *
 * @param ageSeconds seconds between the last bar's end and the decision time
 */
public record FeedStatus(String symbol, Instant lastBarEnd, BigDecimal lastClose, long ageSeconds, int barCount) {

    public FeedStatus {
        identifier("FeedStatus", "symbol", symbol);
        present("FeedStatus", "lastBarEnd", lastBarEnd);
        positive("FeedStatus", "lastClose", lastClose);
        if (ageSeconds < 0) {
            throw new InvalidFactException("FeedStatus", "ageSeconds", ageSeconds,
                    "a number >= 0 (the decision time is before the last bar's end)");
        }
        if (barCount < 1) {
            throw new InvalidFactException("FeedStatus", "barCount", barCount, "a number >= 1");
        }
    }
}
