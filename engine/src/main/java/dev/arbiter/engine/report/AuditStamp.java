package dev.arbiter.engine.report;

import java.time.Instant;

/**
 * Where a decision sits in the audit chain: its position, its own hash and the hash it links to, and when it
 * was stored. A report without a stamp says plainly that the decision was not stored.
 */
public record AuditStamp(long sequence, String recordHash, String previousHash, Instant storedAt) {
}
