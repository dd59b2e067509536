package dev.arbiter.engine.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class DecisionIdsTest {

    /** A clock that stands still until told to move, as many decisions fall in one millisecond. */
    private static final class SteppedClock extends Clock {
        final AtomicLong millis = new AtomicLong(Instant.parse("2026-12-08T03:00:00Z").toEpochMilli());

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }
    }

    @Test
    void idsIssuedLaterSortLaterWithinAMillisecondAndAcrossThem() {
        SteppedClock clock = new SteppedClock();
        Supplier<String> ids = DecisionIds.timeOrdered(clock);
        List<String> issued = new ArrayList<>();
        for (int millisecond = 0; millisecond < 20; millisecond++) {
            for (int i = 0; i < 50; i++) {
                issued.add(ids.get());
            }
            clock.millis.incrementAndGet();
        }

        assertThat(issued).hasSize(1_000).isSorted().doesNotHaveDuplicates();
        assertThat(new HashSet<>(issued)).hasSize(1_000);
    }

    @Test
    void idsAreDecPrefixedVersion7UuidsCarryingTheClocksMilliseconds() {
        SteppedClock clock = new SteppedClock();
        String id = DecisionIds.timeOrdered(clock).get();

        assertThat(id).startsWith("dec-");
        UUID uuid = UUID.fromString(id.substring("dec-".length()));
        assertThat(uuid.version()).isEqualTo(7);
        assertThat(uuid.getMostSignificantBits() >>> 16).isEqualTo(clock.millis.get());
    }

    @Test
    void twoServicesIssueDifferentIdsInTheSameMillisecond() {
        SteppedClock clock = new SteppedClock();
        String first = DecisionIds.timeOrdered(clock).get();
        String second = DecisionIds.timeOrdered(clock).get();

        assertThat(first).isNotEqualTo(second);
    }
}
