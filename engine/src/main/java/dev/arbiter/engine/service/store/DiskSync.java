package dev.arbiter.engine.service.store;

import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes what has been committed to the database's file and forces it onto the device, one write shared by every
 * caller waiting at the time (group commit). The embedded H2 database keeps commits in memory and writes them to its
 * file in the background (every half second by default); a caller about to acknowledge has them written now, and
 * forced to the device too unless the operator chose otherwise, so neither a killed process nor (when forced) a power
 * loss can take an acknowledged write with it. Writing once per group rather than once per commit (H2's
 * {@code WRITE_DELAY=0}) saves the file a new chunk for every transaction. PostgreSQL forces every commit itself
 * ({@code fsync} and {@code synchronous_commit} on, its defaults), so there is nothing to add there.
 *
 * <p>A caller asks only after its own commits returned; a write that starts after the caller asked therefore covers
 * them. While one write runs, every caller that arrives waits for the next one, which then covers them all: on a
 * busy service each write is shared by as many acknowledgements as arrived during the previous one.
 */
public final class DiskSync {

    /** Nothing to write: the database writes and forces its own commits (PostgreSQL), or keeps them in memory. */
    public static final DiskSync NOT_NEEDED = new DiskSync(null);

    /** Writes (and forces) the file; throws when it cannot (a failed write must not be acknowledged). */
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
     * What the database at {@code url} needs: for an H2 database in a file, a shared {@code CHECKPOINT SYNC} (the
     * statement writes H2's pending pages and forces its file) or, when {@code forceToDisk} is false, a shared
     * {@code CHECKPOINT} (written, left in the operating system's cache); nothing for an in-memory database or one
     * that forces its own commits.
     */
    public static DiskSync forDatabase(String url, JdbcTemplate jdbc, boolean forceToDisk) {
        Objects.requireNonNull(jdbc, "jdbc");
        String lower = url.toLowerCase(Locale.ROOT);
        boolean h2File = lower.startsWith("jdbc:h2:") && !lower.startsWith("jdbc:h2:mem:");
        if (!h2File) {
            return NOT_NEEDED;
        }
        String statement = forceToDisk ? "CHECKPOINT SYNC" : "CHECKPOINT";
        return new DiskSync(() -> jdbc.execute(statement));
    }

    /** Whether acknowledgements wait for a write at all. */
    public boolean forces() {
        return force != null;
    }

    /** How many writes ran so far (fewer than the acknowledgements that waited on them when requests overlap). */
    public long forceCount() {
        return forces.get();
    }

    /**
     * Returns once everything the calling thread committed before calling is in the file (and on the device, when
     * forced).
     *
     * @throws IllegalStateException when the write failed: the caller must not acknowledge
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
                throw new IllegalStateException("the database could not write its file to the disk", e);
            }
            forces.incrementAndGet();
            covered = upTo;
        }
    }
}
