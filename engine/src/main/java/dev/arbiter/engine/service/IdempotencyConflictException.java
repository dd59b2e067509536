package dev.arbiter.engine.service;

/** An idempotency key was used before with a different request body. */
final class IdempotencyConflictException extends RuntimeException {

    private final String key;
    private final String originalDecisionId;

    IdempotencyConflictException(String key, String originalDecisionId) {
        super("Idempotency-Key '" + key + "' was used for decision " + originalDecisionId
                + " with a different request body; a key may only be repeated with the same body");
        this.key = key;
        this.originalDecisionId = originalDecisionId;
    }

    String key() {
        return key;
    }

    String originalDecisionId() {
        return originalDecisionId;
    }
}
