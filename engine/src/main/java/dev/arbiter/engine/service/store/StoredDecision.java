package dev.arbiter.engine.service.store;

/** A decision as stored: its JSON, its trace's JSON, and what it was made with. */
public record StoredDecision(String decisionId, String accountId, String kind, String idempotencyKey,
                             String requestSha256, String releaseKey, String decisionJson, String traceJson) {
}
