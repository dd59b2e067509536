package dev.arbiter.engine.service.store;

import dev.arbiter.engine.json.CanonicalJson;
import dev.arbiter.engine.models.ModelCandidate;
import dev.arbiter.engine.models.ModelCandidateStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** Model candidates in the database, and each step of their lifecycle as an audit record. */
public final class ModelCandidateTable implements ModelCandidateStore {

    private final JdbcTemplate jdbc;
    private final AuditLog audit;

    public ModelCandidateTable(JdbcTemplate jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Override
    public String nextId() {
        Long next = jdbc.queryForObject("select coalesce(max(seq), 0) + 1 from model_candidate", Long.class);
        return "mdl-%04d".formatted(next);
    }

    @Override
    public void save(ModelCandidate candidate) {
        String json = CanonicalJson.write(candidate);
        int updated = jdbc.update("update model_candidate set status = ?, candidate_json = ? where candidate_id = ?",
                candidate.status().name(), json, candidate.id());
        if (updated == 0) {
            jdbc.update("insert into model_candidate (candidate_id, seq, status, author, candidate_json)"
                            + " values (?, (select coalesce(max(seq), 0) + 1 from model_candidate), ?, ?, ?)",
                    candidate.id(), candidate.status().name(), candidate.author(), json);
        }
    }

    @Override
    public Optional<ModelCandidate> find(String id) {
        return jdbc.queryForList("select candidate_json from model_candidate where candidate_id = ?", String.class, id)
                .stream().findFirst().map(ModelCandidateTable::read);
    }

    @Override
    public List<ModelCandidate> all() {
        return jdbc.queryForList("select candidate_json from model_candidate order by seq", String.class)
                .stream().map(ModelCandidateTable::read).toList();
    }

    /** Appends the step to the audit chain and waits until it is durably committed. */
    @Override
    public void record(Step step, ModelCandidate candidate, String actor, Instant at) {
        Long id = jdbc.queryForObject("select coalesce(max(step_id), 0) + 1 from model_step", Long.class);
        audit.append(AuditKind.MODEL_STEP, String.valueOf(id), Map.of("step_id", id,
                "candidate_id", candidate.id(), "step", step.name(), "actor", actor, "taken_at", at.toString(),
                "model", candidate.model(), "model_version", candidate.version(), "symbol", candidate.symbol(),
                "purpose", candidate.purpose(),
                "candidate_sha256", CanonicalJson.sha256(CanonicalJson.write(candidate)))).join();
    }

    /** Every step taken, oldest first. */
    public List<Map<String, Object>> steps() {
        return jdbc.queryForList("select step_id, candidate_id, step, actor, taken_at, model, model_version, symbol,"
                + " purpose from model_step order by step_id");
    }

    private static ModelCandidate read(String json) {
        return CanonicalJson.mapper().readValue(json, ModelCandidate.class);
    }
}
