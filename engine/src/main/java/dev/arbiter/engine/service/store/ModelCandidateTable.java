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
    private final CandidateDocuments<ModelCandidate> documents;

    public ModelCandidateTable(JdbcTemplate jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.documents = new CandidateDocuments<>(jdbc, "model_candidate", "mdl-", ModelCandidate.class);
    }

    @Override
    public String nextId() {
        return documents.nextId();
    }

    @Override
    public void save(ModelCandidate candidate) {
        documents.save(candidate.id(), candidate.status().name(), candidate.author(), candidate);
    }

    @Override
    public Optional<ModelCandidate> find(String id) {
        return documents.find(id);
    }

    @Override
    public List<ModelCandidate> all() {
        return documents.all();
    }

    /** Appends the step to the audit chain and waits until it is durably committed. */
    @Override
    public void record(Step step, ModelCandidate candidate, String actor, Instant at) {
        long id = documents.nextStepId("model_step");
        audit.append(AuditKind.MODEL_STEP, String.valueOf(id), Map.of("step_id", id,
                "candidate_id", candidate.id(), "step", step.name(), "actor", actor, "taken_at", at.toString(),
                "model", candidate.model(), "model_version", candidate.version(), "symbol", candidate.symbol(),
                "purpose", candidate.purpose(),
                "candidate_sha256", CanonicalJson.sha256(CanonicalJson.write(candidate)))).join();
    }

    /** Every step taken, oldest first: what a period report lists as model changes. */
    public List<Map<String, Object>> steps() {
        return jdbc.queryForList("select step_id, candidate_id, step, actor, taken_at, model, model_version, symbol,"
                + " purpose from model_step order by step_id");
    }
}
