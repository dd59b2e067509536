package dev.arbiter.engine.service.store;

import dev.arbiter.engine.json.CanonicalJson;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Candidates of a lifecycle (rule releases, models) kept one JSON document a row, in the order they were made, with
 * their status and author as columns so that lists need not parse them. Saving a candidate with an existing id
 * replaces its document.
 */
final class CandidateDocuments<T> {

    private final JdbcTemplate jdbc;
    private final String table;
    private final String idPrefix;
    private final Class<T> type;

    CandidateDocuments(JdbcTemplate jdbc, String table, String idPrefix, Class<T> type) {
        this.jdbc = jdbc;
        this.table = table;
        this.idPrefix = idPrefix;
        this.type = type;
    }

    /** A fresh id: the prefix and the next sequence number, four digits at least. */
    String nextId() {
        Long next = jdbc.queryForObject("select coalesce(max(seq), 0) + 1 from " + table, Long.class);
        return idPrefix + "%04d".formatted(next);
    }

    void save(String id, String status, String author, T candidate) {
        String json = CanonicalJson.write(candidate);
        int updated = jdbc.update("update " + table + " set status = ?, candidate_json = ? where candidate_id = ?",
                status, json, id);
        if (updated == 0) {
            jdbc.update("insert into " + table + " (candidate_id, seq, status, author, candidate_json)"
                    + " values (?, (select coalesce(max(seq), 0) + 1 from " + table + "), ?, ?, ?)",
                    id, status, author, json);
        }
    }

    Optional<T> find(String id) {
        return jdbc.queryForList("select candidate_json from " + table + " where candidate_id = ?", String.class, id)
                .stream().findFirst().map(this::read);
    }

    /** Every candidate, oldest first. */
    List<T> all() {
        return jdbc.queryForList("select candidate_json from " + table + " order by seq", String.class)
                .stream().map(this::read).toList();
    }

    /** The id of the next step recorded in {@code stepTable}. */
    long nextStepId(String stepTable) {
        return jdbc.queryForObject("select coalesce(max(step_id), 0) + 1 from " + stepTable, Long.class);
    }

    private T read(String json) {
        return CanonicalJson.mapper().readValue(json, type);
    }
}
