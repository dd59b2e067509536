package dev.arbiter.engine.lifecycle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Candidates kept in a map, for tests of the lifecycle's rules without a database. */
final class InMemoryCandidateStore implements CandidateStore {

    private final Map<String, Candidate> candidates = new LinkedHashMap<>();
    private int next = 1;

    @Override
    public synchronized String nextId() {
        return "cand-%04d".formatted(next++);
    }

    @Override
    public synchronized void save(Candidate candidate) {
        candidates.put(candidate.id(), candidate);
    }

    @Override
    public synchronized Optional<Candidate> find(String id) {
        return Optional.ofNullable(candidates.get(id));
    }

    @Override
    public synchronized List<Candidate> all() {
        return new ArrayList<>(candidates.values());
    }
}
