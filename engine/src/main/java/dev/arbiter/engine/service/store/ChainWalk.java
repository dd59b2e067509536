package dev.arbiter.engine.service.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where a verification of the audit chain stands: the last record found good and its hash, which the next record must
 * name. {@link AuditVerifier#step} moves it along a piece at a time, so a long chain can be verified a little at a
 * time (a monitor's share of the machine) as well as all at once. A walk goes as far as the chain's head when it began
 * ({@link AuditVerifier#walk}), so it ends however fast records are appended behind it; the next walk covers those.
 */
public final class ChainWalk {

    private static final int WINDOWS_REMEMBERED = 4096;

    /** The last record of this walk: the head of the chain when it began. */
    final long until;

    long lastSeq = Long.MIN_VALUE;
    String previousHash = AuditLog.GENESIS;
    long checked;
    /**
     * Each trace window's problem (or none) once checked in this walk: many decisions in a row name the same one. Only
     * the last windows checked are remembered, so a walk over months of decisions does not hold every window's name;
     * one forgotten is checked again.
     */
    final Map<String, Optional<String>> windows = new LinkedHashMap<>(WINDOWS_REMEMBERED, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Optional<String>> eldest) {
            return size() > WINDOWS_REMEMBERED;
        }
    };

    ChainWalk(long until) {
        this.until = until;
    }

    /** The sequence number of the last record found good, or 0 before the first. */
    public long lastSeq() {
        return checked == 0 ? 0 : lastSeq;
    }
}
