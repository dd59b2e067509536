package dev.arbiter.mlbridge.regime;

import dev.arbiter.kb.InvalidFactException;
import java.time.Instant;

/** Best bid and ask at a time. A crossed or non-positive quote is refused. */
public record Quote(Instant time, double bid, double ask) {

    public Quote {
        if (time == null) {
            throw new InvalidFactException("Quote", "time", null, "an ISO-8601 UTC time");
        }
        if (!(Double.isFinite(bid) && bid > 0)) {
            throw new InvalidFactException("Quote", "bid", bid, "a finite price > 0");
        }
        if (!(Double.isFinite(ask) && ask >= bid)) {
            throw new InvalidFactException("Quote", "ask", ask, "a finite price >= bid (" + bid + "); a crossed quote is bad data");
        }
    }

    /** Spread in basis points of the mid price. */
    public double spreadBps() {
        return 1e4 * (ask - bid) / ((ask + bid) / 2);
    }
}
