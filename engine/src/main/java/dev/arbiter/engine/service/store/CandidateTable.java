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

    public CandidateTable(JdbcTemplate jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Override
    public String nextId() {
        Long next = jdbc.queryForObject("select coalesce(max(seq), 0) + 1 from rule_set_candidate", Long.class);
        return "cand-%04d".formatted(next);
    }

    @Override
    public void save(Candidate candidate) {
        String json = CanonicalJson.write(candidate);
        int updated = jdbc.update("update rule_set_candidate set status = ?, candidate_json = ? where candidate_id = ?",
                candidate.status().name(), json, candidate.id());
        if (updated == 0) {
            jdbc.update("insert into rule_set_candidate (candidate_id, seq, status, author, candidate_json)"
                            + " values (?, (select coalesce(max(seq), 0) + 1 from rule_set_candidate), ?, ?, ?)",
                    candidate.id(), candidate.status().name(), candidate.author(), json);
        }
    }

    @Override
    public Optional<Candidate> find(String id) {
        return jdbc.queryForList("select candidate_json from rule_set_candidate where candidate_id = ?", String.class, id)
                .stream().findFirst().map(CandidateTable::read);
    }

    @Override
    public List<Candidate> all() {
        return jdbc.queryForList("select candidate_json from rule_set_candidate order by seq", String.class)
                .stream().map(CandidateTable::read).toList();
    }

    /** Appends the step to the audit chain and waits until it is durably committed. */
    @Override
    public void record(Step step, Candidate candidate, String actor, Instant at) {
        Long id = jdbc.queryForObject("select coalesce(max(step_id), 0) + 1 from rule_set_step", Long.class);
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

    private static Candidate read(String json) {
        return CanonicalJson.mapper().readValue(json, Candidate.class);
    }
}
