package dev.arbiter.engine.models;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where model candidates are kept, and where each lifecycle step is recorded durably before it is acknowledged. */
public interface ModelCandidateStore {

    /** The steps of the model lifecycle. */
    enum Step { PROPOSED, REFUSED, APPROVED, ACTIVATED, RETIRED, ROLLED_BACK, SHADOW_STARTED, SHADOW_STOPPED }

    /** A fresh, never-used candidate id. */
    String nextId();

    /** Saves a candidate; one with an existing id replaces it. */
    void save(ModelCandidate candidate);

    Optional<ModelCandidate> find(String id);

    /** Every candidate, oldest first. */
    List<ModelCandidate> all();

    /** Records a step with who took it and when. */
    void record(Step step, ModelCandidate candidate, String actor, Instant at);
}
