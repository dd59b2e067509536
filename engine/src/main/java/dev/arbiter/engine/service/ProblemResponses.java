package dev.arbiter.engine.service;

import dev.arbiter.engine.decision.InvalidRequestException;
import dev.arbiter.engine.service.security.ForeignAccountException;
import java.net.URI;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Errors as RFC 9457 problem details that name the field, the value and what is accepted. */
@RestControllerAdvice
class ProblemResponses {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalidRequest(InvalidRequestException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setType(URI.create("https://arbiter.dev/problems/invalid-request"));
        problem.setTitle("Invalid decision request");
        problem.setProperty("field", e.field());
        problem.setProperty("value", e.value());
        problem.setProperty("accepted", e.accepted());
        return problem;
    }

    /** An event the engine's state refuses (a second opening balance, a report for no working order): nothing journaled. */
    @ExceptionHandler(dev.arbiter.engine.state.InvalidEventException.class)
    ProblemDetail invalidEvent(dev.arbiter.engine.state.InvalidEventException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setType(URI.create("https://arbiter.dev/problems/invalid-event"));
        problem.setTitle("Event refused by the account's state");
        problem.setProperty("field", e.field());
        problem.setProperty("value", e.value());
        problem.setProperty("accepted", e.accepted());
        return problem;
    }

    @ExceptionHandler(UnknownDecisionException.class)
    ProblemDetail unknownDecision(UnknownDecisionException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Unknown decision");
        return problem;
    }

    @ExceptionHandler(IdempotencyConflictException.class)
    ProblemDetail idempotencyConflict(IdempotencyConflictException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setType(URI.create("https://arbiter.dev/problems/idempotency-key-reused"));
        problem.setTitle("Idempotency key reused with a different request");
        problem.setProperty("field", DecisionController.IDEMPOTENCY_KEY);
        problem.setProperty("value", e.key());
        problem.setProperty("accepted", "a new key, or this key with the body of decision " + e.originalDecisionId());
        problem.setProperty("originalDecisionId", e.originalDecisionId());
        return problem;
    }

    /** The caller's key does not act for the account named: nothing in the request was accepted. */
    @ExceptionHandler(ForeignAccountException.class)
    ProblemDetail foreignAccount(ForeignAccountException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setType(URI.create("https://arbiter.dev/problems/foreign-account"));
        problem.setTitle("Forbidden");
        problem.setProperty("account", e.accountId());
        return problem;
    }

    /** Beyond the service's capacity: refused at once, nothing changed, with when to try again. */
    @ExceptionHandler(OverloadedException.class)
    ResponseEntity<ProblemDetail> overloaded(OverloadedException e) {
        return tryAgainLater("overloaded", "Service at capacity", e.getMessage(), e.retryAfterSeconds());
    }

    /**
     * Gateway mode: the decision job did not answer in time, or the request could not be handed to it. Nothing may be
     * acted on; the client sends it again.
     */
    @ExceptionHandler(NoAnswerException.class)
    ResponseEntity<ProblemDetail> noAnswer(NoAnswerException e) {
        return tryAgainLater("no-answer-from-the-decision-job", "No answer from the decision job", e.getMessage(),
                NoAnswerException.RETRY_AFTER_SECONDS);
    }

    /** 503 with when to try again: nothing was done, the client sends the request again. */
    private static ResponseEntity<ProblemDetail> tryAgainLater(String type, String title, String detail,
                                                               long retryAfterSeconds) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setType(URI.create("https://arbiter.dev/problems/" + type));
        problem.setTitle(title);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** Gateway mode: the endpoint works on state the decision job keeps, not this service. */
    @ExceptionHandler(RunsOnTheJobException.class)
    ProblemDetail runsOnTheJob(RunsOnTheJobException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setType(URI.create("https://arbiter.dev/problems/runs-on-the-decision-job"));
        problem.setTitle("Runs on the decision job in cluster mode");
        problem.setProperty("endpoint", e.endpoint());
        return problem;
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Content-Type " + e.getContentType() + " is not accepted; expected application/json");
        problem.setProperty("field", "Content-Type");
        return problem;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return invalidRequest(new InvalidRequestException("(body)", "unreadable", "a JSON body as docs/api.md describes it"));
    }

    /**
     * Anything unexpected: no decision was made, so no order goes out (fail closed). The answer names a reference
     * and nothing of the cause: a database's or a library's message may quote statements, values or internals, so it
     * goes to the log under that reference, for operators only.
     */
    @ExceptionHandler(RuntimeException.class)
    ProblemDetail failedClosed(RuntimeException e) {
        String reference = "err-" + UUID.randomUUID();
        LOG.error("failed closed, reference {}: no decision was made and no order was sent", reference, e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "no decision was made and no order may be sent: the service failed (reference " + reference
                        + ", in its log)");
        problem.setTitle("Decision failed closed");
        problem.setProperty("reference", reference);
        return problem;
    }
}
