package dev.arbiter.engine.service;

import dev.arbiter.engine.decision.DecisionResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The most recent decisions and their traces, in memory and bounded: when full, the oldest decision
 * is dropped. Durable storage replaces this store; until then a restart forgets every decision.
 */
final class DecisionStore {

    private final Map<String, DecisionResult> byId;

    DecisionStore(int retained) {
        if (retained < 1) {
            throw new IllegalArgumentException("arbiter.decisions.retained: " + retained + " is not accepted; expected >= 1");
        }
        this.byId = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, DecisionResult> eldest) {
                return size() > retained;
            }
        };
    }

    synchronized void put(DecisionResult result) {
        byId.put(result.decision().decisionId(), result);
    }

    synchronized Optional<DecisionResult> find(String decisionId) {
        return Optional.ofNullable(byId.get(decisionId));
    }
}
