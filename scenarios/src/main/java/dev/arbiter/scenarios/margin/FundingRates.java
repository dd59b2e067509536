package dev.arbiter.scenarios.margin;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One perpetual's funding rates as the venue published them: the rate of each funding time, a fraction of the
 * position's notional for the interval (0.0001 = 0.01 %).
 */
public record FundingRates(String symbol, NavigableMap<Instant, BigDecimal> timeToRate) {

    public FundingRates {
        timeToRate = Collections.unmodifiableNavigableMap(new TreeMap<>(timeToRate));
    }

    /** The funding times in {@code (after, upTo]}, with their rates, oldest first. */
    public NavigableMap<Instant, BigDecimal> between(Instant after, Instant upTo) {
        return after.isBefore(upTo) ? timeToRate.subMap(after, false, upTo, true) : Collections.emptyNavigableMap();
    }
}
