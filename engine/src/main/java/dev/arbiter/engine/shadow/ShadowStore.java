package dev.arbiter.engine.shadow;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where shadow decisions are kept, each with an audit record of its own. */
public interface ShadowStore {

    /** Stores the row and its audit record; returns once both are committed. A second row for the same pair fails. */
    void store(ShadowDecision shadow);

    Optional<ShadowDecision> find(String decisionId, String challengerId);

    /** A challenger's rows decided in [from, to), oldest first. */
    List<ShadowDecision> between(String challengerId, Instant from, Instant to);
}
