package dev.arbiter.engine.service.store;

import dev.arbiter.engine.json.CanonicalJson;
import dev.arbiter.engine.lifecycle.Candidate;
import dev.arbiter.engine.lifecycle.CandidateStore;
import dev.arbiter.engine.lifecycle.LifecycleJournal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** Candidates in the database, and each lifecycle step as an audit record. */
public final class CandidateTable implements CandidateStore, LifecycleJournal {

    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final CandidateDocuments<Candidate> documents;

    public CandidateTable(JdbcTemplate jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.documents = new CandidateDocuments<>(jdbc, "rule_set_candidate", "cand-", Candidate.class);
    }

    @Override
    public String nextId() {
        return documents.nextId();
    }

    @Override
    public void save(Candidate candidate) {
        documents.save(candidate.id(), candidate.status().name(), candidate.author(), candidate);
    }

    @Override
    public Optional<Candidate> find(String id) {
        return documents.find(id);
    }

    @Override
    public List<Candidate> all() {
        return documents.all();
    }

    /** Appends the step to the audit chain and waits until it is durably committed. */
    @Override
    public void record(Step step, Candidate candidate, String actor, Instant at) {
        long id = documents.nextStepId("rule_set_step");
        audit.append(AuditKind.RULE_SET_STEP, String.valueOf(id), Map.of("step_id", id,
                "candidate_id", candidate.id(), "step", step.name(), "actor", actor, "taken_at", at.toString(),
                "release_key", candidate.releaseKey(),
                "candidate_sha256", CanonicalJson.sha256(CanonicalJson.write(candidate.files())))).join();
    }

    /** Every step taken, oldest first: what a period report lists as rule-set changes. */
    public List<Map<String, Object>> steps() {
        return jdbc.queryForList("select step_id, candidate_id, step, actor, taken_at, release_key"
                + " from rule_set_step order by step_id");
    }

}
