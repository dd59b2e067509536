package dev.arbiter.engine.state;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * How the engine keeps state: the trading-day boundary, how long an unreported approval works, the rate-limit window,
 * how far back losses count, how many bars each market stream keeps, how often a snapshot is taken, and the
 * tolerance beyond which a client's claim is a reconciliation break.
 *
 * @param tradingDayStart    the time of day (UTC) a trading day begins; the day's P&amp;L resets there
 * @param timeInForce        an approval not reported within this expires
 * @param rateWindow         orders and messages are counted over this sliding window
 * @param lossLookback       closed positions count for the loss cooldowns within this
 * @param barsKept           bars kept per instrument and period (the window regimes, anomalies and models see)
 * @param snapshotEvery      a state snapshot is written every this many events of an account
 * @param reconcileTolerance a claimed amount within this fraction (relative) of the engine's is not a break
 * @param venueHaltGap       an instrument whose bars stop for this long or longer is halted by the engine when they
 *                           resume, until an officer resumes it (a venue's halt or a delisting); null: never
 */
public record StateSettings(LocalTime tradingDayStart, Duration timeInForce, Duration rateWindow, Duration lossLookback,
                            int barsKept, int snapshotEvery, BigDecimal reconcileTolerance, Duration venueHaltGap) {

    /** The settings of tests and replays; no venue halts (the service turns them on, see its configuration). */
    public static final StateSettings DEFAULTS = new StateSettings(LocalTime.MIDNIGHT, Duration.ofMinutes(5),
            Duration.ofSeconds(60), Duration.ofHours(24), 300, 1000, new BigDecimal("0.0001"), null);

    public StateSettings {
        if (timeInForce.isNegative() || timeInForce.isZero()) {
            throw new IllegalArgumentException("timeInForce must be positive, was " + timeInForce);
        }
        if (rateWindow.isNegative() || rateWindow.isZero()) {
            throw new IllegalArgumentException("rateWindow must be positive, was " + rateWindow);
        }
        if (barsKept < 2) {
            throw new IllegalArgumentException("barsKept must be at least 2, was " + barsKept);
        }
        if (snapshotEvery < 1) {
            throw new IllegalArgumentException("snapshotEvery must be at least 1, was " + snapshotEvery);
        }
        if (venueHaltGap != null && (venueHaltGap.isNegative() || venueHaltGap.isZero())) {
            throw new IllegalArgumentException("venueHaltGap must be positive or none, was " + venueHaltGap);
        }
    }

    public StateSettings withBarsKept(int bars) {
        return new StateSettings(tradingDayStart, timeInForce, rateWindow, lossLookback, bars, snapshotEvery,
                reconcileTolerance, venueHaltGap);
    }

    public StateSettings withSnapshotEvery(int events) {
        return new StateSettings(tradingDayStart, timeInForce, rateWindow, lossLookback, barsKept, events,
                reconcileTolerance, venueHaltGap);
    }

    public StateSettings withTimeInForce(Duration tif) {
        return new StateSettings(tradingDayStart, tif, rateWindow, lossLookback, barsKept, snapshotEvery,
                reconcileTolerance, venueHaltGap);
    }

    public StateSettings withVenueHaltGap(Duration gap) {
        return new StateSettings(tradingDayStart, timeInForce, rateWindow, lossLookback, barsKept, snapshotEvery,
                reconcileTolerance, gap);
    }

    /** The start of the trading day {@code time} falls in. */
    public Instant dayStartOf(Instant time) {
        long offset = tradingDayStart.toSecondOfDay();
        Instant shifted = time.minusSeconds(offset).truncatedTo(ChronoUnit.DAYS);
        return shifted.plusSeconds(offset);
    }

    /** Whether a trading day began after {@code dayStart} and at or before {@code time}. */
    public boolean newDay(Instant dayStart, Instant time) {
        return dayStart != null && dayStartOf(time).isAfter(dayStart);
    }

    static ZoneOffset zone() {
        return ZoneOffset.UTC;
    }
}
