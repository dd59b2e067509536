package dev.arbiter.engine.service;

import dev.arbiter.engine.lifecycle.LifecycleException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** A refused lifecycle step, of rule sets or of models, as a problem detail: the same codes, the same statuses. */
final class LifecycleRefusals {

    private LifecycleRefusals() {
    }

    /** 404 for an unknown candidate, 400 for a bad upload or proposal, 409 for a step refused in its state. */
    static ResponseEntity<ProblemDetail> problem(LifecycleException e, String title) {
        HttpStatus status = switch (e.code()) {
            case UNKNOWN_CANDIDATE -> HttpStatus.NOT_FOUND;
            case INVALID_UPLOAD -> HttpStatus.BAD_REQUEST;
            case SELF_APPROVAL, CHECKS_FAILED, NOT_APPROVED, WRONG_STATE, SHADOW_LIMIT -> HttpStatus.CONFLICT;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle(title);
        problem.setProperty("code", e.code().name());
        return ResponseEntity.status(status).body(problem);
    }
}
