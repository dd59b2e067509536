package dev.arbiter.engine.service.store;

import dev.arbiter.engine.decision.DecisionResult;
import dev.arbiter.engine.json.CanonicalJson;
import dev.arbiter.reasoning.explain.Explanation;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import tools.jackson.core.type.TypeReference;

/**
 * Decisions and their traces in the database, each stored with its audit record; and their explanations, stored after
 * the decision was acknowledged with an audit record of their own.
 */
public final class DecisionRepository {

    private final RowMapper<StoredDecision> row;
    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final Clock clock;

    public DecisionRepository(JdbcTemplate jdbc, AuditLog audit, TraceWindows windows, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.row = (rs, n) -> new StoredDecision(rs.getString("decision_id"), rs.getString("account_id"),
                rs.getString("kind"), rs.getString("idempotency_key"), rs.getString("request_sha256"),
                rs.getString("release_key"), rs.getString("decision_json"), windows.whole(rs.getString("trace_json")));
    }

    private static final TypeReference<List<Explanation>> EXPLANATIONS =
            new TypeReference<>() {
            };

    /**
     * Queues the decision and its trace for storage. A decision not yet explained is stored as waiting for its
     * explanation ({@link #pendingExplanations}), in the same transaction.
     *
     * @return completes once the decision, its trace and its audit record are committed
     */
    public CompletableFuture<StoredDecision> store(DecisionResult result, String kind, String idempotencyKey,
                                                   String requestSha256) {
        String id = result.decision().decisionId();
        TraceWindows.Split trace = TraceWindows.split(result.trace());
        StoredDecision stored = new StoredDecision(id, result.trace().request().account().accountId(), kind,
                idempotencyKey, requestSha256, ReleaseStore.keyOf(result.decision().versions()),
                CanonicalJson.write(result.decision()), trace.whole());
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
        row.put("trace_json", trace.stored());
        row.put(AuditKind.WINDOWS, trace.windows());
        row.put(AuditKind.EXPLANATION_PENDING, !result.explained());
        return audit.append(AuditKind.DECISION, id, row).thenApply(seq -> stored);
    }

    /**
     * Queues the explanation of a stored decision for storage with its own audit record; the decision stops waiting
     * for it in the same transaction.
     *
     * @return completes once committed; exceptionally (a duplicate key) if the decision was explained already
     */
    public CompletableFuture<StoredExplanation> storeExplanation(StoredDecision decision, List<Explanation> explanations) {
        StoredExplanation stored = new StoredExplanation(decision.decisionId(), CanonicalJson.sha256(decision.traceJson()),
                explanations);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("decision_id", stored.decisionId());
        row.put("trace_sha256", stored.traceSha256());
        row.put("explanations_json", CanonicalJson.write(stored.explanations()));
        row.put("explained_at", clock.instant().toString());
        return audit.append(AuditKind.EXPLANATION, stored.decisionId(), row).thenApply(seq -> stored);
    }

    /** The explanation stored for a decision acknowledged before it was explained. */
    public Optional<StoredExplanation> findExplanation(String decisionId) {
        return jdbc.query("select decision_id, trace_sha256, explanations_json from decision_explanation"
                        + " where decision_id = ?",
                (rs, n) -> new StoredExplanation(rs.getString("decision_id"), rs.getString("trace_sha256"),
                        CanonicalJson.mapper().readValue(rs.getString("explanations_json"), EXPLANATIONS)),
                decisionId).stream().findFirst();
    }

    /** Decisions acknowledged but not yet explained, in the order they were stored, at most {@code limit}. */
    public List<StoredDecision> pendingExplanations(int limit) {
        return jdbc.query("select d.* from explanation_pending p join decision d on d.decision_id = p.decision_id"
                + " join audit_record a on a.kind = 'DECISION' and a.subject = p.decision_id order by a.seq limit ?",
                row, limit);
    }

    public Optional<StoredDecision> find(String decisionId) {
        return jdbc.query("select * from decision where decision_id = ?", row, decisionId).stream().findFirst();
    }

    public Optional<StoredDecision> findByIdempotencyKey(String key) {
        return jdbc.query("select * from decision where idempotency_key = ?", row, key).stream().findFirst();
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
