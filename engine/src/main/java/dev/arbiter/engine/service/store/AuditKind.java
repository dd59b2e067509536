package dev.arbiter.engine.service.store;

import dev.arbiter.engine.json.CanonicalJson;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What an audit record can be about, and where the row it vouches for is stored. Every audited
 * column is text or an integer, so the row reads back exactly as it was written on H2 and PostgreSQL.
 */
public enum AuditKind {

    DECISION("decision", "decision_id", List.of("decision_id", "account_id", "request_id", "kind", "status",
            "idempotency_key", "request_sha256", "release_key", "decided_at", "decision_json", "trace_json")),
    /** A decision's explanation, stored after the decision was acknowledged; its row names the trace it explains. */
    EXPLANATION("decision_explanation", "decision_id", List.of("decision_id", "trace_sha256", "explanations_json",
            "explained_at")),
    RELEASE_ACTIVATED("release_activation", "activation_id", List.of("activation_id", "purpose", "release_key", "actor",
            "activated_at")),
    TRADING_STATE("trading_state_change", "change_id", List.of("change_id", "scope", "target", "state", "reason",
            "actor", "changed_at")),
    KILL_SWITCH("kill_switch_change", "change_id", List.of("change_id", "scope", "target", "engaged", "reason", "actor",
            "changed_at")),
    RULE_SET_STEP("rule_set_step", "step_id", List.of("step_id", "candidate_id", "step", "actor", "taken_at",
            "release_key", "candidate_sha256")),
    MODEL_STEP("model_step", "step_id", List.of("step_id", "candidate_id", "step", "actor", "taken_at", "model",
            "model_version", "symbol", "purpose", "candidate_sha256")),
    /** What a challenger decided in shadow of a stored decision, and how it differs from the champion's. */
    SHADOW_DECISION("shadow_decision", "shadow_id", List.of("shadow_id", "decision_id", "challenger_id",
            "challenger_kind", "changed", "differences_json", "responsible_json", "shadow_decision_json",
            "model_predictions_json", "proposals_json", "decided_at"));

    private static final List<String> RELEASE_COLUMNS = List.of("release_key", "rule_set_name", "rule_set_version",
            "rule_sources_json", "limits_name", "limits_version", "limits_json", "parameters_name",
            "parameters_version", "parameters_json");

    private final String table;
    private final String key;
    private final List<String> columns;

    AuditKind(String table, String key, List<String> columns) {
        this.table = table;
        this.key = key;
        this.columns = columns;
    }

    String table() {
        return table;
    }

    List<String> columns() {
        return columns;
    }

    String key() {
        return key;
    }

    /**
     * A decision row holding this key with {@code true} is stored as waiting for its explanation: the work list a
     * restart explains from, written in the decision's own transaction so that no acknowledged decision is forgotten.
     */
    public static final String EXPLANATION_PENDING = "explanation_pending";

    /**
     * A decision row holds under this key the windows its stored trace names (name to canonical JSON): stored in the
     * decision's transaction, those not stored before ({@link TraceWindows}).
     */
    public static final String WINDOWS = "trace_windows";

    /**
     * Writes the subject row (its values by column).
     *
     * @param windowStored whether a window is known to be stored already (committed before), so not looked up
     */
    void insert(JdbcTemplate jdbc, Map<String, Object> row, Predicate<String> windowStored) {
        windows(row).ifPresent(windows -> TraceWindows.storeMissing(jdbc, windows, windowStored));
        jdbc.update("insert into " + table + " (" + String.join(", ", columns) + ") values ("
                + String.join(", ", columns.stream().map(c -> "?").toList()) + ")",
                columns.stream().map(row::get).toArray());
        if (this == DECISION && Boolean.TRUE.equals(row.get(EXPLANATION_PENDING))) {
            jdbc.update("insert into explanation_pending (decision_id) values (?)", row.get(key));
        } else if (this == EXPLANATION) {
            jdbc.update("delete from explanation_pending where decision_id = ?", row.get(key));
        }
    }

    /** The windows a decision row carries to be stored with it (name to canonical JSON). */
    @SuppressWarnings("unchecked")
    Optional<Map<String, String>> windows(Map<String, Object> row) {
        return this == DECISION && row.get(WINDOWS) instanceof Map<?, ?> windows
                ? Optional.of((Map<String, String>) windows) : Optional.empty();
    }

    /** The subject row as text by column, as hashed; empty when the row is gone. */
    Optional<Map<String, String>> load(JdbcTemplate jdbc, String subject) {
        Object id = this == DECISION || this == EXPLANATION || this == SHADOW_DECISION ? subject : (Object) Long.parseLong(subject);
        List<Map<String, String>> rows = jdbc.query("select " + String.join(", ", columns) + " from " + table
                + " where " + key + " = ?", (rs, n) -> {
                    Map<String, String> row = new TreeMap<>();
                    for (String column : columns) {
                        row.put(column, rs.getString(column));
                    }
                    return row;
                }, id);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> row = rows.getFirst();
        if (this == RELEASE_ACTIVATED) {
            // The activation vouches for the release's files too: editing a stored rule is tampering.
            jdbc.query("select " + String.join(", ", RELEASE_COLUMNS) + " from rule_release where release_key = ?",
                    rs -> {
                        for (String column : RELEASE_COLUMNS) {
                            row.put("release." + column, rs.getString(column));
                        }
                    }, row.get("release_key"));
        }
        return Optional.of(row);
    }

    /**
     * The subject row as {@link #load} reads it back, from the values written, when every audited value is text or
     * missing: a text column gives back exactly the text it was given, on H2 and PostgreSQL alike, so the row need not
     * be read again to be hashed. Empty when a value is anything else (a number reads back as its digits) or when the
     * record vouches for more than the row ({@link #RELEASE_ACTIVATED}); those rows are read back.
     */
    Optional<Map<String, String>> asWritten(Map<String, Object> row) {
        if (this == RELEASE_ACTIVATED) {
            return Optional.empty();
        }
        Map<String, String> text = new TreeMap<>();
        for (String column : columns) {
            Object value = row.get(column);
            if (value != null && !(value instanceof String)) {
                return Optional.empty();
            }
            text.put(column, (String) value);
        }
        return Optional.of(text);
    }

    /** The hash of a subject row as written, matching what {@link #load} reads back. */
    static String payloadHash(Map<String, String> row) {
        return CanonicalJson.sha256(CanonicalJson.write(new TreeMap<>(row)));
    }
}
