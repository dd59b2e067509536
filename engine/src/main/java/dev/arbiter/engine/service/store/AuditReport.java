package dev.arbiter.engine.service.store;

/**
 * The outcome of verifying the audit chain.
 *
 * @param intact         every record and every row it vouches for is as stored
 * @param recordsChecked records found good before the first bad one (all of them when intact)
 * @param headHash       the hash of the last good record: note it down to detect a truncated tail later
 * @param firstBad       the first record that does not hold, or null
 */
public record AuditReport(boolean intact, long recordsChecked, String headHash, FirstBad firstBad) {

    /** @param seq the record's sequence number, or -1 for a row no record vouches for */
    public record FirstBad(long seq, String kind, String subject, String problem) {
    }
}
