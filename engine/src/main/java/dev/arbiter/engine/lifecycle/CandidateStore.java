package dev.arbiter.engine.lifecycle;

import java.util.List;
import java.util.Optional;

/** Where candidates are kept. Saving a candidate with an existing id replaces it. */
public interface CandidateStore {

    /** A fresh, never-used candidate id. */
    String nextId();

    void save(Candidate candidate);

    Optional<Candidate> find(String id);

    /** Every candidate, oldest first. */
    List<Candidate> all();
}
