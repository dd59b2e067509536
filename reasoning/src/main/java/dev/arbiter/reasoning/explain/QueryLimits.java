package dev.arbiter.reasoning.explain;

import java.time.Duration;

/**
 * How far an auditor's query may run. A query that needs more gives a {@link QueryException} of kind
 * {@link QueryException.Kind#STEP_LIMIT} or {@link QueryException.Kind#TIME_LIMIT}; the explainer is then
 * ready for the next query.
 *
 * @param maxSteps resolution steps tuProlog may take, counted as the events of its tracer (each goal
 *                 called, each clause tried, each backtrack); 1 to 100 000 000
 * @param timeout  wall-clock time the query may take, 1 ms to 60 s
 */
public record QueryLimits(long maxSteps, Duration timeout) {

    /** Limits for queries asked without any: one million steps, five seconds. */
    public static final QueryLimits DEFAULT = new QueryLimits(1_000_000, Duration.ofSeconds(5));

    public QueryLimits {
        if (maxSteps < 1 || maxSteps > 100_000_000) {
            throw new IllegalArgumentException("maxSteps: " + maxSteps + " is not accepted; expected 1 to 100000000");
        }
        if (timeout == null || timeout.toMillis() < 1 || timeout.compareTo(Duration.ofSeconds(60)) > 0) {
            throw new IllegalArgumentException("timeout: " + timeout + " is not accepted; expected 1 ms to 60 s");
        }
    }
}
