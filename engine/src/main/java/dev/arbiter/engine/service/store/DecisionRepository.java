package dev.arbiter.engine.service.store;

import dev.arbiter.engine.decision.DecisionResult;
import dev.arbiter.engine.json.CanonicalJson;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** Decisions and their traces in the database, each stored with its audit record. */
public final class DecisionRepository {

    private static final RowMapper<StoredDecision> ROW = (rs, n) -> new StoredDecision(rs.getString("decision_id"),
            rs.getString("account_id"), rs.getString("kind"), rs.getString("idempotency_key"),
            rs.getString("request_sha256"), rs.getString("release_key"), rs.getString("decision_json"),
            rs.getString("trace_json"));

    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final Clock clock;

    public DecisionRepository(JdbcTemplate jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Queues the decision and its trace for storage.
     *
     * @return completes once the decision, its trace and its audit record are committed
     */
    public CompletableFuture<StoredDecision> store(DecisionResult result, String kind, String idempotencyKey,
                                                   String requestSha256) {
        String id = result.decision().decisionId();
        StoredDecision stored = new StoredDecision(id, result.trace().request().account().accountId(), kind,
                idempotencyKey, requestSha256, ReleaseStore.keyOf(result.decision().versions()),
                CanonicalJson.write(result.decision()), CanonicalJson.write(result.trace()));
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("decision_id", id);
        row.put("account_id", stored.accountId());
        row.put("request_id", result.decision().requestId());
        row.put("kind", kind);
        row.put("status", result.decision().status().name());
        row.put("idempotency_key", idempotencyKey);
        row.put("request_sha256", requestSha256);
        row.put("release_key", stored.releaseKey());
        row.put("decided_at", clock.instant().toString());
        row.put("decision_json", stored.decisionJson());
        row.put("trace_json", stored.traceJson());
        return audit.append(AuditKind.DECISION, id, row).thenApply(seq -> stored);
    }

    public Optional<StoredDecision> find(String decisionId) {
        return jdbc.query("select * from decision where decision_id = ?", ROW, decisionId).stream().findFirst();
    }

    public Optional<StoredDecision> findByIdempotencyKey(String key) {
        return jdbc.query("select * from decision where idempotency_key = ?", ROW, key).stream().findFirst();
    }

    /** Ids of stored decisions, oldest first by audit order, at most {@code limit}. */
    /** The ids of the last {@code limit} stored decisions of a kind, oldest first. */
    public java.util.List<String> lastIds(String kind, int limit) {
        java.util.List<String> newestFirst = jdbc.queryForList("select decision_id from decision where kind = ?"
                + " order by decided_at desc, decision_id desc limit ?", String.class, kind, limit);
        return newestFirst.reversed();
    }

    public java.util.List<String> ids(int limit) {
        return jdbc.queryForList("select subject from audit_record where kind = 'DECISION' order by seq limit ?",
                String.class, limit);
    }
}
