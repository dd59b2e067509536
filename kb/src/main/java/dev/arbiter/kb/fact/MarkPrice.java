package dev.arbiter.kb.fact;

import static dev.arbiter.kb.Require.identifier;
import static dev.arbiter.kb.Require.positive;
import static dev.arbiter.kb.Require.present;

import dev.arbiter.kb.InvalidFactException;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A perpetual's mark price and funding rate as its venue publishes them (Binance's mark price stream: mark, funding
 * rate, next funding time). Venues value positions and liquidate them at the mark, not at the last trade, so that one
 * print cannot liquidate a book; the funding rate says what the next funding will exchange.
 *
 * @param time            when the venue published it
 * @param price           the mark price
 * @param fundingRate     the rate of the next funding, a fraction of the position's notional for the interval
 *                        (0.0001 = 0.01 %): positive, longs pay shorts; negative, shorts pay longs
 * @param nextFundingTime when that funding is exchanged; null when the venue did not say
 */
public record MarkPrice(String symbol, Instant time, BigDecimal price, BigDecimal fundingRate, Instant nextFundingTime) {

    /** Venues clamp funding far below this; a rate of a whole notional per interval is a unit error. */
    private static final BigDecimal MAX_RATE = BigDecimal.ONE;

    public MarkPrice {
        identifier("MarkPrice", "symbol", symbol);
        present("MarkPrice", "time", time);
        positive("MarkPrice", "price", price);
        present("MarkPrice", "fundingRate", fundingRate);
        if (fundingRate.abs().compareTo(MAX_RATE) >= 0) {
            throw new InvalidFactException("MarkPrice", "fundingRate", fundingRate,
                    "a fraction of notional per funding interval between -1 and 1 (0.0001 = 0.01 %)");
        }
        if (nextFundingTime != null && !nextFundingTime.isAfter(time)) {
            throw new InvalidFactException("MarkPrice", "nextFundingTime", nextFundingTime,
                    "a time after the mark's time " + time + ", or none");
        }
    }

    /**
     * The price an instrument's positions are valued at: the venue's mark while it is as new as the last bar (published
     * at or after the bar's end), else the last close. A mark that lags the bars never values a position, so a stalled
     * mark feed cannot hide a move; an instrument without one (spot) is valued at its last close.
     *
     * @param venue the instrument's latest mark, or null
     */
    public static BigDecimal valuation(Bar lastBar, MarkPrice venue) {
        return venue != null && !venue.time().isBefore(lastBar.endTime()) ? venue.price() : lastBar.close();
    }
}
