package dev.arbiter.engine.decision;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.UUIDClock;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.function.Supplier;

/** The ids decisions are known by: {@code dec-} and a suffix that is unique to the decision. */
public final class DecisionIds {

    private DecisionIds() {
    }

    /** Derived from content, so an in-process decision of the same request gets the same id. */
    public static String fromContent(byte[] request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(request);
            return "dec-" + HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The service's ids: {@code dec-} and a version 7 UUID (RFC 9562) on {@code clock}. Its leading 48 bits are the
     * clock's milliseconds, and within one millisecond the generator counts up, so an id issued later sorts later.
     * The store's indexes keyed by decision id (the decision, its explanation, its audit record, its journal event)
     * then grow at their end: a commit rewrites their last page, not a page anywhere in them, as random ids did.
     * Safe to share between threads.
     */
    public static Supplier<String> timeOrdered(Clock clock) {
        TimeBasedEpochGenerator uuids = Generators.timeBasedEpochGenerator(new SecureRandom(), new UUIDClock() {
            @Override
            public long currentTimeMillis() {
                return clock.millis();
            }
        });
        return () -> "dec-" + uuids.generate();
    }
}
