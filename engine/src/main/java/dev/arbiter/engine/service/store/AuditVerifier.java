package dev.arbiter.engine.service.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Walks the audit chain from the first record and names the first one that does not hold: a record
 * missing (deleted) or out of place (reordered), a record whose own fields were edited, or a stored
 * row that was edited or deleted behind its record, or a window a decision's trace names that was edited or deleted
 * ({@link TraceWindows}). Then checks that no decision and no explanation is stored without a record. The chain is read
 * a piece at a time ({@link ChainWalk}), all at once for an auditor or a little at a time for the service's monitor.
 */
public final class AuditVerifier {

    /** Records read per query: a walk holds one piece of the chain at a time, never all of it. */
    static final int PIECE = 500;

    private final JdbcTemplate jdbc;

    public AuditVerifier(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Verifies the whole chain now, from its first record to its head. */
    public synchronized AuditReport verify() {
        ChainWalk walk = walk();
        Optional<AuditReport> report;
        do {
            report = step(walk, PIECE);
        } while (report.isEmpty());
        return report.get();
    }

    /** A walk from the first record to the chain's head as it stands now. */
    public ChainWalk walk() {
        Long head = jdbc.queryForObject("select max(seq) from audit_record", Long.class);
        return new ChainWalk(head == null ? 0 : head);
    }

    /**
     * Verifies up to {@code atMost} records after where {@code walk} stands and moves it on. Gives the report once the
     * walk finds a record that does not hold or reaches its last record (then it also checks that no decision and no
     * explanation is stored without a record); empty while records remain.
     */
    public synchronized Optional<AuditReport> step(ChainWalk walk, int atMost) {
        if (atMost < 1) {
            throw new IllegalArgumentException("a step verifies at least one record, not " + atMost);
        }
        List<ChainRecord> piece = jdbc.query("select seq, kind, subject, recorded_at, payload_hash, prev_hash, record_hash"
                        + " from audit_record where seq > ? and seq <= ? order by seq limit ?",
                (rs, n) -> new ChainRecord(rs.getLong("seq"), rs.getString("kind"), rs.getString("subject"),
                        rs.getString("recorded_at"), rs.getString("payload_hash"), rs.getString("prev_hash"),
                        rs.getString("record_hash")),
                walk.lastSeq, walk.until, atMost);
        for (ChainRecord record : piece) {
            String problem = problem(record, walk);
            if (problem != null) {
                return Optional.of(new AuditReport(false, walk.checked, walk.previousHash,
                        new AuditReport.FirstBad(record.seq(), record.kind(), record.subject(), problem)));
            }
            walk.checked++;
            walk.lastSeq = record.seq();
            walk.previousHash = record.recordHash();
        }
        if (piece.size() == atMost) {
            return Optional.empty();
        }
        AuditReport.FirstBad firstBad = unrecordedDecision().map(id -> new AuditReport.FirstBad(-1,
                        AuditKind.DECISION.name(), id, "decision " + id
                                + " is stored but no audit record vouches for it (inserted behind the chain)"))
                .or(() -> unrecordedExplanation().map(id -> new AuditReport.FirstBad(-1, AuditKind.EXPLANATION.name(), id,
                        "the explanation of decision " + id
                                + " is stored but no audit record vouches for it (inserted behind the chain)")))
                .orElse(null);
        return Optional.of(new AuditReport(firstBad == null, walk.checked, walk.previousHash, firstBad));
    }

    /** One record of the chain as stored: its kind as text, since a stored row may name a kind that does not exist. */
    private record ChainRecord(long seq, String kind, String subject, String recordedAt, String payloadHash,
                               String prevHash, String recordHash) {
    }

    /** What is wrong with {@code record}, the next one after where {@code walk} stands; null when it holds. */
    private String problem(ChainRecord record, ChainWalk walk) {
        long seq = record.seq();
        long expectedSeq = walk.checked + 1;
        String subject = record.subject();
        String prevHash = record.prevHash();
        if (seq != expectedSeq) {
            return seq > expectedSeq
                    ? "record " + expectedSeq + (expectedSeq + 1 == seq ? " is" : " to " + (seq - 1) + " are")
                            + " missing (deleted) before record " + seq
                    : "record " + seq + " appears after record " + (expectedSeq - 1) + " (out of order)";
        }
        if (!walk.previousHash.equals(prevHash)) {
            return "record " + seq + " does not follow the record before it (its previous hash " + abbrev(prevHash)
                    + " is not " + abbrev(walk.previousHash) + "): records were reordered, deleted or replaced";
        }
        if (!AuditRecord.hashOf(seq, record.kind(), subject, record.recordedAt(), record.payloadHash(), prevHash)
                .equals(record.recordHash())) {
            return "record " + seq + " was edited: its fields no longer give its hash " + abbrev(record.recordHash());
        }
        AuditKind auditKind;
        try {
            auditKind = AuditKind.valueOf(record.kind());
        } catch (IllegalArgumentException e) {
            return "record " + seq + " has an unknown kind '" + record.kind() + "'";
        }
        Optional<Map<String, String>> row = auditKind.load(jdbc, subject);
        if (row.isEmpty()) {
            return "the " + auditKind.table() + " row " + subject + " that record " + seq + " vouches for was deleted";
        }
        if (!AuditKind.payloadHash(row.get()).equals(record.payloadHash())) {
            return "the " + auditKind.table() + " row " + subject + " was edited after record " + seq + " vouched for it";
        }
        if (auditKind == AuditKind.DECISION) {
            for (String name : TraceWindows.names(row.get().get("trace_json"))) {
                Optional<String> problem = walk.windows.computeIfAbsent(name,
                        n -> Optional.ofNullable(TraceWindows.problem(jdbc, n)));
                if (problem.isPresent()) {
                    return "the window " + abbrev(name) + " that decision " + subject + " names " + problem.get();
                }
            }
        }
        return null;
    }

    private Optional<String> unrecordedDecision() {
        List<String> ids = jdbc.queryForList("select d.decision_id from decision d where not exists (select 1 from"
                + " audit_record a where a.kind = 'DECISION' and a.subject = d.decision_id) order by d.decision_id"
                + " limit 1", String.class);
        return ids.stream().findFirst();
    }

    private Optional<String> unrecordedExplanation() {
        List<String> ids = jdbc.queryForList("select e.decision_id from decision_explanation e where not exists (select 1"
                + " from audit_record a where a.kind = 'EXPLANATION' and a.subject = e.decision_id)"
                + " order by e.decision_id limit 1", String.class);
        return ids.stream().findFirst();
    }

    private static String abbrev(String hash) {
        return hash == null ? "null" : hash.substring(0, Math.min(12, hash.length()));
    }
}
