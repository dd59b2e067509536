package dev.arbiter.engine.service.store;

import dev.arbiter.engine.decision.Decision;
import dev.arbiter.engine.decision.DecisionResult;
import dev.arbiter.engine.decision.DecisionTrace;
import dev.arbiter.engine.json.CanonicalJson;
import dev.arbiter.engine.report.AuditStamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** Finding stored decisions for people: by status, account and the time they were decided, newest first. */
public final class DecisionSearch {

    /** What a list shows of a decision. */
    public record Summary(String decisionId, String accountId, String kind, String status, String decidedAt,
                          String asOf, String summary) {
    }

    /** A stored decision and its trace, from the decision_json and trace_json columns. */
    private final RowMapper<DecisionResult> whole;
    private final JdbcTemplate jdbc;

    public DecisionSearch(JdbcTemplate jdbc, TraceWindows windows) {
        this.jdbc = jdbc;
        this.whole = (rs, n) -> new DecisionResult(
                CanonicalJson.mapper().readValue(rs.getString("decision_json"), Decision.class),
                CanonicalJson.mapper().readValue(windows.whole(rs.getString("trace_json")), DecisionTrace.class));
    }

    /**
     * @param status  a decision status or null for any
     * @param account an account id or null for any
     * @param from    decided at or after, or null
     * @param to      decided before, or null
     */
    public List<Summary> find(String status, String account, Instant from, Instant to, int limit) {
        StringBuilder sql = new StringBuilder("select decision_id, account_id, kind, status, decided_at, decision_json"
                + " from decision where 1 = 1");
        List<Object> arguments = new ArrayList<>();
        if (status != null) {
            sql.append(" and status = ?");
            arguments.add(status);
        }
        if (account != null) {
            sql.append(" and account_id = ?");
            arguments.add(account);
        }
        if (from != null) {
            sql.append(" and decided_at >= ?");
            arguments.add(from.toString());
        }
        if (to != null) {
            sql.append(" and decided_at < ?");
            arguments.add(to.toString());
        }
        sql.append(" order by decided_at desc, decision_id desc limit ?");
        arguments.add(limit);
        return jdbc.query(sql.toString(), (rs, n) -> {
            Decision decision = CanonicalJson.mapper().readValue(rs.getString("decision_json"), Decision.class);
            return new Summary(rs.getString("decision_id"), rs.getString("account_id"), rs.getString("kind"),
                    rs.getString("status"), rs.getString("decided_at"), decision.asOf().toString(), decision.summary());
        }, arguments.toArray());
    }

    /** Every decision (not pre-trade check) decided in [from, to), oldest first, whole. */
    public List<DecisionResult> decidedBetween(Instant from, Instant to) {
        return jdbc.query("select decision_json, trace_json from decision where kind = 'DECISION'"
                        + " and decided_at >= ? and decided_at < ? order by decided_at, decision_id",
                whole,
                from.toString(), to.toString());
    }

    /** The stored decision and its trace, whole. */
    public Optional<DecisionResult> load(String decisionId) {
        return jdbc.query("select decision_json, trace_json from decision where decision_id = ?",
                whole,
                decisionId).stream().findFirst();
    }

    /** Where the decision sits in the audit chain. */
    public Optional<AuditStamp> stamp(String decisionId) {
        return jdbc.query("select seq, record_hash, prev_hash, recorded_at from audit_record"
                        + " where kind = 'DECISION' and subject = ?",
                (rs, n) -> new AuditStamp(rs.getLong("seq"), rs.getString("record_hash"), rs.getString("prev_hash"),
                        Instant.parse(rs.getString("recorded_at"))), decisionId).stream().findFirst();
    }
}
