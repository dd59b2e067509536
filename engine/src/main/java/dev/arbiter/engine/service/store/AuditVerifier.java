package dev.arbiter.engine.service.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Walks the audit chain from the first record and names the first one that does not hold: a record
 * missing (deleted) or out of place (reordered), a record whose own fields were edited, or a stored
 * row that was edited or deleted behind its record, or a window of bars a decision names that was edited or deleted
 * ({@link BarWindows}). Then checks that no decision and no explanation is stored without a record.
 */
public final class AuditVerifier {

    private final JdbcTemplate jdbc;
    /** Each bar window's problem (or none) once checked in this verification: many decisions name the same one. */
    private final Map<String, Optional<String>> windows = new HashMap<>();

    public AuditVerifier(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public synchronized AuditReport verify() {
        windows.clear();
        AtomicReference<AuditReport.FirstBad> firstBad = new AtomicReference<>();
        long[] checked = {0};
        String[] previousHash = {AuditLog.GENESIS};
        jdbc.query("select seq, kind, subject, recorded_at, payload_hash, prev_hash, record_hash from audit_record"
                + " order by seq", rs -> {
                    if (firstBad.get() != null) {
                        return;
                    }
                    long seq = rs.getLong("seq");
                    String kind = rs.getString("kind");
                    String subject = rs.getString("subject");
                    String problem = problem(seq, checked[0] + 1, kind, subject, rs.getString("recorded_at"),
                            rs.getString("payload_hash"), rs.getString("prev_hash"), rs.getString("record_hash"),
                            previousHash[0]);
                    if (problem != null) {
                        firstBad.set(new AuditReport.FirstBad(seq, kind, subject, problem));
                        return;
                    }
                    checked[0]++;
                    previousHash[0] = rs.getString("record_hash");
                });
        if (firstBad.get() == null) {
            unrecordedDecision().ifPresent(id -> firstBad.set(new AuditReport.FirstBad(-1, AuditKind.DECISION.name(), id,
                    "decision " + id + " is stored but no audit record vouches for it (inserted behind the chain)")));
        }
        if (firstBad.get() == null) {
            unrecordedExplanation().ifPresent(id -> firstBad.set(new AuditReport.FirstBad(-1,
                    AuditKind.EXPLANATION.name(), id, "the explanation of decision " + id
                            + " is stored but no audit record vouches for it (inserted behind the chain)")));
        }
        return new AuditReport(firstBad.get() == null, checked[0], previousHash[0], firstBad.get());
    }

    private String problem(long seq, long expectedSeq, String kind, String subject, String recordedAt,
                           String payloadHash, String prevHash, String recordHash, String previousHash) {
        if (seq != expectedSeq) {
            return seq > expectedSeq
                    ? "record " + expectedSeq + (expectedSeq + 1 == seq ? " is" : " to " + (seq - 1) + " are")
                            + " missing (deleted) before record " + seq
                    : "record " + seq + " appears after record " + (expectedSeq - 1) + " (out of order)";
        }
        if (!previousHash.equals(prevHash)) {
            return "record " + seq + " does not follow the record before it (its previous hash " + abbrev(prevHash)
                    + " is not " + abbrev(previousHash) + "): records were reordered, deleted or replaced";
        }
        if (!AuditRecord.hashOf(seq, kind, subject, recordedAt, payloadHash, prevHash).equals(recordHash)) {
            return "record " + seq + " was edited: its fields no longer give its hash " + abbrev(recordHash);
        }
        AuditKind auditKind;
        try {
            auditKind = AuditKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            return "record " + seq + " has an unknown kind '" + kind + "'";
        }
        Optional<Map<String, String>> row = auditKind.load(jdbc, subject);
        if (row.isEmpty()) {
            return "the " + auditKind.table() + " row " + subject + " that record " + seq + " vouches for was deleted";
        }
        if (!AuditKind.payloadHash(row.get()).equals(payloadHash)) {
            return "the " + auditKind.table() + " row " + subject + " was edited after record " + seq + " vouched for it";
        }
        if (auditKind == AuditKind.DECISION) {
            for (String name : BarWindows.names(row.get().get("trace_json"))) {
                Optional<String> problem = windows.computeIfAbsent(name,
                        n -> Optional.ofNullable(BarWindows.problem(jdbc, n)));
                if (problem.isPresent()) {
                    return "the bar window " + abbrev(name) + " that decision " + subject + " names " + problem.get();
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
