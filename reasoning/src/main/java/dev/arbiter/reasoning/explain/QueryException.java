package dev.arbiter.reasoning.explain;

import java.io.Serial;

/**
 * An auditor's query that could not be answered; the message names the goal and what went wrong, the
 * kind says which way (a service maps it to a status: the first four are the asker's to fix).
 */
public final class QueryException extends IllegalArgumentException {

    @Serial
    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** The text is not one Prolog goal. */
        MALFORMED,
        /** The goal calls a predicate queries may not call. */
        FORBIDDEN,
        /** The goal raised a Prolog error, e.g. an instantiation error. */
        PROLOG_ERROR,
        /** More solutions than an answer may carry. */
        TOO_MANY_SOLUTIONS,
        /** The goal took more resolution steps than allowed. */
        STEP_LIMIT,
        /** The goal ran longer than allowed (or overflowed the stack). */
        TIME_LIMIT
    }

    private final Kind kind;

    QueryException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
