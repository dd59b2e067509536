package dev.arbiter.engine.service.store;

import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Forces what has been committed onto the device, one force shared by every caller waiting at the time (group
 * commit). The embedded H2 database writes each commit to its file but leaves it in the operating system's cache,
 * so a power loss could take acknowledged decisions with it; a forced file cannot lose them. PostgreSQL forces every
 * commit itself ({@code fsync} and {@code synchronous_commit} on, its defaults), so there is nothing to add there.
 *
 * <p>A caller asks only after its own commits returned; a force that starts after the caller asked therefore covers
 * them. While one force runs, every caller that arrives waits for the next one, which then covers them all: on a
 * busy service each force is shared by as many acknowledgements as arrived during the previous one.
 */
public final class DiskSync {

    /** Nothing to force: the database forces its own commits, or the operator chose to accept the risk. */
    public static final DiskSync NOT_NEEDED = new DiskSync(null);

    /** Forces the device; throws when it cannot (a failed force must not be acknowledged). */
    @FunctionalInterface
    public interface Force {
        void force();
    }

    private final Force force;
    private final AtomicLong requested = new AtomicLong();
    private final AtomicLong forces = new AtomicLong();
    private final Object forcing = new Object();
    /** The last ticket a completed force covered; read and written holding {@link #forcing}. */
    private long covered;

    public DiskSync(Force force) {
        this.force = force;
    }

    /**
     * What the database at {@code url} needs: a shared {@code CHECKPOINT SYNC} for an H2 database in a file (the
     * statement writes H2's pending pages and forces its file), nothing for an in-memory database or one that forces
     * its own commits.
     */
    public static DiskSync forDatabase(String url, JdbcTemplate jdbc) {
        Objects.requireNonNull(jdbc, "jdbc");
        String lower = url.toLowerCase(Locale.ROOT);
        boolean h2File = lower.startsWith("jdbc:h2:") && !lower.startsWith("jdbc:h2:mem:");
        return h2File ? new DiskSync(() -> jdbc.execute("CHECKPOINT SYNC")) : NOT_NEEDED;
    }

    /** Whether acknowledgements wait for a force at all. */
    public boolean forces() {
        return force != null;
    }

    /** How many forces ran so far (fewer than the acknowledgements that waited on them when requests overlap). */
    public long forceCount() {
        return forces.get();
    }

    /**
     * Returns once everything the calling thread committed before calling is on the device.
     *
     * @throws IllegalStateException when the force failed: the caller must not acknowledge
     */
    public void awaitDurable() {
        if (force == null) {
            return;
        }
        long ticket = requested.incrementAndGet(); // taken after the caller's commits returned
        synchronized (forcing) {
            if (covered >= ticket) {
                return; // a force that started after this ticket was taken has finished
            }
            long upTo = requested.get(); // every ticket taken so far: the callers queued behind the last force
            try {
                force.force();
            } catch (RuntimeException e) {
                throw new IllegalStateException("the database could not force its file to the disk", e);
            }
            forces.incrementAndGet();
            covered = upTo;
        }
    }
}
