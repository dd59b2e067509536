package dev.arbiter.mlbridge.marketdata;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Bar times as files write them: ISO-8601 (with {@code Z}, an offset, or none meaning UTC; a space instead of the
 * {@code T}; a bare date for daily bars) or epoch numbers whose unit is told by their magnitude: below 10^11 seconds,
 * below 10^14 milliseconds, below 10^17 microseconds (each range covers 1973 to 5138).
 */
final class BarTimes {

    static final String ACCEPTED = "an ISO-8601 UTC time such as 2024-01-01T00:00:00Z, or epoch seconds,"
            + " milliseconds or microseconds (told apart by magnitude)";

    private static final BigDecimal SECONDS_BELOW = new BigDecimal("1e11");
    private static final BigDecimal MILLIS_BELOW = new BigDecimal("1e14");
    private static final BigDecimal MICROS_BELOW = new BigDecimal("1e17");

    /** One unit of an epoch time as written: the step to add to an inclusive end time. */
    enum Unit {
        SECONDS(1_000_000_000L), MILLISECONDS(1_000_000L), MICROSECONDS(1_000L);

        final long nanos;

        Unit(long nanos) {
            this.nanos = nanos;
        }
    }

    private BarTimes() {
    }

    /** The time a cell holds, or empty when it is neither ISO-8601 nor a plausible epoch number. */
    static Optional<Instant> parse(String cell) {
        String text = cell.trim();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (Character.isDigit(text.charAt(0))) {
            Optional<BigDecimal> number = decimal(text);
            if (number.isPresent()) {
                return epoch(number.get());
            }
        }
        return iso(text);
    }

    /** The epoch time a number holds, its unit told by its magnitude; empty when negative or beyond microseconds. */
    static Optional<Instant> epoch(BigDecimal number) {
        return unit(number).map(unit -> {
            long nanos = number.multiply(BigDecimal.valueOf(unit.nanos)).longValue();
            return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
        });
    }

    static Optional<Unit> unit(BigDecimal number) {
        if (number.signum() < 0) {
            return Optional.empty();
        }
        if (number.compareTo(SECONDS_BELOW) < 0) {
            return Optional.of(Unit.SECONDS);
        }
        if (number.compareTo(MILLIS_BELOW) < 0) {
            return Optional.of(Unit.MILLISECONDS);
        }
        if (number.compareTo(MICROS_BELOW) < 0) {
            return Optional.of(Unit.MICROSECONDS);
        }
        return Optional.empty();
    }

    static Optional<BigDecimal> decimal(String text) {
        try {
            return Optional.of(new BigDecimal(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> iso(String text) {
        String t = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        try {
            return Optional.of(Instant.parse(t));
        } catch (DateTimeException ignored) {
            // not an instant with a zone: try an offset, a local time (UTC) and a date
        }
        try {
            return Optional.of(OffsetDateTime.parse(t).toInstant());
        } catch (DateTimeException ignored) {
            // next
        }
        try {
            return Optional.of(LocalDateTime.parse(t).toInstant(ZoneOffset.UTC));
        } catch (DateTimeException ignored) {
            // next
        }
        try {
            return Optional.of(LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
