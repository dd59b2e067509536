package dev.arbiter.engine.service;

import java.time.Duration;

/** The service holds as many decisions as it may: this request was not taken (503, try again after a pause). */
final class OverloadedException extends RuntimeException {

    private final Duration retryAfter;

    OverloadedException(int capacity, Duration retryAfter) {
        super("the service is deciding " + capacity + " requests, the most it holds at once (arbiter.gate.max-in-flight);"
                + " this request was not taken and changed nothing: send it again after " + retryAfter.toSeconds() + " s");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, at least one, as {@code Retry-After} carries them. */
    long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
