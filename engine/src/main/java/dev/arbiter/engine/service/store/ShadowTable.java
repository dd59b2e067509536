package dev.arbiter.engine.service.store;

import dev.arbiter.engine.decision.Decision;
import dev.arbiter.engine.decision.DecisionResult;
import dev.arbiter.engine.decision.DecisionTrace;
import dev.arbiter.engine.json.CanonicalJson;
import dev.arbiter.engine.shadow.ShadowDecision;
import dev.arbiter.engine.shadow.ShadowStore;
import dev.arbiter.kb.fact.Proposal;
import dev.arbiter.mlbridge.model.ModelPrediction;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import tools.jackson.core.type.TypeReference;

/** Shadow decisions in the database, each row with its audit record (kind SHADOW_DECISION). */
public final class ShadowTable implements ShadowStore {

    private static final TypeReference<List<String>> TEXTS = new TypeReference<>() {
    };
    private static final TypeReference<List<ModelPrediction>> PREDICTIONS = new TypeReference<>() {
    };
    private static final TypeReference<List<Proposal>> PROPOSALS = new TypeReference<>() {
    };
    private static final RowMapper<ShadowDecision> ROW = (rs, n) -> new ShadowDecision(rs.getString("decision_id"),
            rs.getString("challenger_id"), rs.getString("challenger_kind"), rs.getInt("changed") == 1,
            CanonicalJson.mapper().readValue(rs.getString("differences_json"), TEXTS),
            CanonicalJson.mapper().readValue(rs.getString("responsible_json"), TEXTS),
            CanonicalJson.mapper().readValue(rs.getString("shadow_decision_json"), Decision.class),
            CanonicalJson.mapper().readValue(rs.getString("model_predictions_json"), PREDICTIONS),
            CanonicalJson.mapper().readValue(rs.getString("proposals_json"), PROPOSALS),
            Instant.parse(rs.getString("decided_at")));

    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final TraceWindows windows;

    public ShadowTable(JdbcTemplate jdbc, AuditLog audit, TraceWindows windows) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.windows = windows;
    }

    /** The row's key: one row per decision and challenger. */
    static String idOf(String decisionId, String challengerId) {
        return decisionId + " " + challengerId;
    }

    @Override
    public void store(ShadowDecision shadow) {
        String id = idOf(shadow.decisionId(), shadow.challengerId());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("shadow_id", id);
        row.put("decision_id", shadow.decisionId());
        row.put("challenger_id", shadow.challengerId());
        row.put("challenger_kind", shadow.challengerKind());
        row.put("changed", shadow.changed() ? 1 : 0);
        row.put("differences_json", CanonicalJson.write(shadow.differences()));
        row.put("responsible_json", CanonicalJson.write(shadow.rulesResponsible()));
        row.put("shadow_decision_json", CanonicalJson.write(shadow.decision()));
        row.put("model_predictions_json", CanonicalJson.write(shadow.modelPredictions()));
        row.put("proposals_json", CanonicalJson.write(shadow.proposals()));
        row.put("decided_at", shadow.decidedAt().toString());
        audit.append(AuditKind.SHADOW_DECISION, id, row).join();
    }

    @Override
    public Optional<ShadowDecision> find(String decisionId, String challengerId) {
        return jdbc.query("select * from shadow_decision where shadow_id = ?", ROW, idOf(decisionId, challengerId))
                .stream().findFirst();
    }

    @Override
    public List<ShadowDecision> between(String challengerId, Instant from, Instant to) {
        return jdbc.query("select * from shadow_decision where challenger_id = ? and decided_at >= ? and decided_at < ?"
                + " order by decided_at, decision_id", ROW, challengerId, from.toString(), to.toString());
    }

    /**
     * Hands over, oldest first, every stored decision (not check) from the earliest champion of the challenger's rows in
     * [from, to) on, at most {@code limit}: the champions themselves, and the later decisions whose bars resolve them.
     */
    public void eachChampionAndLater(String challengerId, Instant from, Instant to, int limit,
                                     Consumer<DecisionResult> decision) {
        jdbc.query("select decision_json, trace_json from decision where kind = 'DECISION' and decided_at >= ("
                        + "select min(d.decided_at) from decision d join shadow_decision s on s.decision_id = d.decision_id"
                        + " where s.challenger_id = ? and s.decided_at >= ? and s.decided_at < ?)"
                        + " order by decided_at, decision_id limit ?",
                (RowCallbackHandler) rs -> decision.accept(new DecisionResult(
                        CanonicalJson.mapper().readValue(rs.getString("decision_json"), Decision.class),
                        CanonicalJson.mapper().readValue(windows.whole(rs.getString("trace_json")), DecisionTrace.class))),
                challengerId, from.toString(), to.toString(), limit);
    }

    /** A challenger that has rows: how many, and the first and last decision time they cover. */
    public record Rows(String challengerId, String kind, long decisions, Instant first, Instant last) {
    }

    /** Every challenger that has rows, by id. */
    public List<Rows> challengers() {
        return jdbc.query("select challenger_id, challenger_kind, count(*) as decisions, min(decided_at) as first_at,"
                        + " max(decided_at) as last_at from shadow_decision group by challenger_id, challenger_kind"
                        + " order by challenger_id",
                (rs, n) -> new Rows(rs.getString("challenger_id"), rs.getString("challenger_kind"),
                        rs.getLong("decisions"), Instant.parse(rs.getString("first_at")),
                        Instant.parse(rs.getString("last_at"))));
    }
}
