package dev.arbiter.engine.service;

/**
 * Gateway mode: the decision job did not answer a request in time, or the request could not be handed to it. The
 * client is told what may have happened and to send it again (503 with {@code Retry-After}); no order may be sent on
 * this answer.
 */
final class NoAnswerException extends RuntimeException {

    /** Whole seconds a client waits before sending the request again. */
    static final long RETRY_AFTER_SECONDS = 1;

    NoAnswerException(String message) {
        super(message);
    }
}
