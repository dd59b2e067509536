package dev.arbiter.engine.service;

/** No stored decision has this id. */
final class UnknownDecisionException extends RuntimeException {

    UnknownDecisionException(String decisionId) {
        super("decision '" + decisionId + "' is not stored (ids look like dec-<uuid>)");
    }
}
