package dev.arbiter.engine.service;

import dev.arbiter.engine.decision.InvalidRequestException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The one check against the service's clock: an event's time or a decision's {@code asOf} may lie in the past (a late
 * report, a replay of history) but not ahead of the clock by more than the allowed skew. The engine rolls the trading
 * day and expires approvals at the times events carry; a time from the future would let a client roll the day early
 * and talk its way past the daily loss limit.
 */
final class NotInTheFuture {

    /** How far ahead of the service's clock a client's clock may run. */
    static final Duration SKEW = Duration.ofSeconds(60);

    private NotInTheFuture() {
    }

    static Instant check(String field, Instant time, Clock clock) {
        Instant latest = clock.instant().plus(SKEW);
        if (time != null && time.isAfter(latest)) {
            throw new InvalidRequestException(field, time.toString(), "a time no later than the service's clock ("
                    + latest + ", " + SKEW.toSeconds() + " s of clock skew allowed)");
        }
        return time;
    }
}
