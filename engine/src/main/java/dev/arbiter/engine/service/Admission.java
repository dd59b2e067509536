package dev.arbiter.engine.service;

import java.time.Duration;
import java.util.concurrent.Semaphore;

/**
 * Bounds how many decisions and checks the service holds at once, running or waiting for their account: beyond
 * that, a request is refused at once with 503 and a {@code Retry-After}, so latency stays bounded under overload
 * instead of growing with the queue. A refused request changed nothing; every admitted one is decided and stored
 * before it is answered.
 */
final class Admission {

    /** A held place; closing it gives the place back. */
    interface Ticket extends AutoCloseable {
        @Override
        void close();
    }

    private final Semaphore places;
    private final int capacity;
    private final Duration retryAfter;

    Admission(int capacity, Duration retryAfter) {
        if (capacity < 1) {
            throw new IllegalArgumentException("arbiter.gate.max-in-flight: " + capacity
                    + " is not accepted; expected a whole number >= 1");
        }
        if (retryAfter.isNegative() || retryAfter.isZero()) {
            throw new IllegalArgumentException("arbiter.gate.retry-after: " + retryAfter
                    + " is not accepted; expected a positive duration, e.g. PT1S");
        }
        this.places = new Semaphore(capacity);
        this.capacity = capacity;
        this.retryAfter = retryAfter;
    }

    /** A place for one request, or {@link OverloadedException} when all are taken. */
    Ticket enter() {
        if (!places.tryAcquire()) {
            throw new OverloadedException(capacity, retryAfter);
        }
        return places::release;
    }

    /** How many requests are held now. */
    int inFlight() {
        return capacity - places.availablePermits();
    }

    int capacity() {
        return capacity;
    }
}
