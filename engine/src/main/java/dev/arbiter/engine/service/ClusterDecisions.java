package dev.arbiter.engine.service;

import dev.arbiter.engine.decision.Decision;
import dev.arbiter.engine.decision.DecisionResult;
import dev.arbiter.engine.decision.DecisionTrace;
import dev.arbiter.engine.decision.InvalidRequestException;
import dev.arbiter.engine.json.CanonicalJson;
import dev.arbiter.engine.json.Timings;
import dev.arbiter.engine.service.store.DecisionRepository;
import dev.arbiter.engine.service.store.StoredDecision;
import dev.arbiter.engine.stream.AccountRecord;
import dev.arbiter.engine.stream.StreamInput;
import dev.arbiter.reasoning.explain.Explanation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Gateway mode's decisions: a request the service admitted is published to the job as a {@link StreamInput.Decide}
 * under a decision id chosen here, and the job's answer is awaited. A decision is stored exactly as an embedded one
 * (the decision and its trace with their audit record, then the explanation with its own), from the explanation the
 * job worked out: nothing is explained twice. A refusal is the same field-naming refusal the embedded engine gives.
 *
 * <p>A request not answered in time is answered 503; its decision, if the job makes it later, is still stored when it
 * comes (within {@link ClusterSettings#lateAnswerWindow}), and a repeat under the same {@code Idempotency-Key} waits
 * for that decision instead of having the job decide a second time.
 */
final class ClusterDecisions implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterDecisions.class);
    /** Reads the job's decisions, whose timing fields it left out ({@link Timings}). */
    private static final JsonMapper WITHOUT_TIMINGS = CanonicalJson.mapper().rebuild()
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();
    private static final TypeReference<List<Explanation>> EXPLANATIONS = new TypeReference<>() {
    };

    /** A decision the job made, stored, and the result as it was acknowledged (its explanation stored apart). */
    record Stored(StoredDecision stored, DecisionResult result) {
    }

    /** A keyed request whose client was answered before its decision came. */
    private record Unanswered(String decisionId, String requestSha256, String kind,
                              CompletableFuture<StoredDecision> stored) {
    }

    private final ClusterGateway gateway;
    private final DecisionRepository decisions;
    private final Duration answerTimeout;
    /** Stores decisions that came after their client was answered, one at a time, off the reader's thread. */
    private final ExecutorService late = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("arbiter-cluster-late-answers").daemon(true).factory());
    private final ConcurrentHashMap<String, Unanswered> unansweredByKey = new ConcurrentHashMap<>();

    ClusterDecisions(ClusterGateway gateway, DecisionRepository decisions) {
        this.gateway = gateway;
        this.decisions = decisions;
        this.answerTimeout = gateway.settings().answerTimeout();
    }

    /**
     * The decision of an earlier request under {@code idempotencyKey} that the job has not answered yet, once it is
     * made and stored (waiting up to the answer timeout); empty when there is none.
     *
     * @throws IdempotencyConflictException when that request had another body
     */
    Optional<StoredDecision> unanswered(String idempotencyKey, String requestSha256, String kind) {
        Unanswered earlier = idempotencyKey == null ? null : unansweredByKey.get(idempotencyKey);
        if (earlier == null) {
            return Optional.empty();
        }
        if (!earlier.requestSha256().equals(requestSha256) || !earlier.kind().equals(kind)) {
            throw new IdempotencyConflictException(idempotencyKey, earlier.decisionId());
        }
        try {
            return Optional.of(earlier.stored().get(answerTimeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            throw notAnswered(earlier.decisionId(), idempotencyKey);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw notAnswered(earlier.decisionId(), idempotencyKey);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof InvalidRequestException refused) {
                throw new InvalidRequestException(refused.field(), refused.value(), refused.accepted());
            }
            // never answered, or not stored: nothing was decided under this key that the service knows of
            return Optional.empty();
        }
    }

    /**
     * Publishes the request, waits for the job's answer and stores the decision.
     *
     * @param body the client's body, as admitted (the job reads it exactly as the service does)
     * @throws InvalidRequestException when the job refused the request, naming the field
     * @throws NoAnswerException       when no answer came in time, or the request could not be handed over
     */
    Stored decide(String accountId, String decisionId, byte[] body, String kind, String idempotencyKey,
                  String requestSha256) {
        ClusterGateway.Pending pending = gateway.publish(new StreamInput.Decide(accountId, decisionId,
                new String(body, StandardCharsets.UTF_8)), decisionId);
        AccountRecord record;
        try {
            record = gateway.await(pending);
        } catch (ClusterGateway.NoAnswer e) {
            storeWhenAnswered(pending, kind, idempotencyKey, requestSha256);
            throw pending.sent().isCompletedExceptionally()
                    ? new NoAnswerException("decision request " + decisionId + " could not be handed to the decision job ("
                    + e.getMessage() + "): it may not have reached the job, and no order may be sent on this answer;"
                    + " send it again after " + NoAnswerException.RETRY_AFTER_SECONDS + " s"
                    + (idempotencyKey == null ? "" : " with the same Idempotency-Key"))
                    : notAnswered(decisionId, idempotencyKey);
        }
        return stored(record, kind, idempotencyKey, requestSha256);
    }

    private NoAnswerException notAnswered(String decisionId, String idempotencyKey) {
        return new NoAnswerException("the decision job did not answer decision request " + decisionId + " within "
                + answerTimeout + " (arbiter.cluster.answer-timeout): it may still be decided, and no order may be sent"
                + " on this answer; " + (idempotencyKey == null
                ? "send it again after " + NoAnswerException.RETRY_AFTER_SECONDS + " s (with an Idempotency-Key, a"
                + " repeat is answered with the first decision once it is made, not decided twice)"
                : "send it again with the same Idempotency-Key after " + NoAnswerException.RETRY_AFTER_SECONDS
                + " s to be answered with its decision once it is made"));
    }

    /** The job's answer to a decision request: stored when a decision, thrown as the refusal otherwise. */
    private Stored stored(AccountRecord record, String kind, String idempotencyKey, String requestSha256) {
        return switch (AccountRecord.Kind.valueOf(record.kind())) {
            case DECISION -> store(record, kind, idempotencyKey, requestSha256);
            case REFUSED -> {
                ClusterGateway.Refusal refusal = ClusterGateway.Refusal.of(record);
                throw new InvalidRequestException(refusal.field(), refusal.value(), refusal.accepted());
            }
            case EVENT -> throw new IllegalStateException("the job answered decision request " + record.subject()
                    + " with an event record");
        };
    }

    /**
     * Stores a decision the job made as the embedded service stores one: first the decision and its trace as they
     * are acknowledged (without the sentences), then the explanation the job worked out, with its own audit record.
     */
    private Stored store(AccountRecord record, String kind, String idempotencyKey, String requestSha256) {
        ObjectNode payload = (ObjectNode) CanonicalJson.mapper().readTree(record.payload());
        ObjectNode decisionJson = (ObjectNode) payload.get("decision");
        ObjectNode traceJson = (ObjectNode) payload.get("trace");
        JsonNode explanationsJson = traceJson.remove("explanations");
        decisionJson.path("proposals").forEach(proposal -> ((ObjectNode) proposal).remove("explanation"));
        // the job leaves the stages' timings out (they are not the decision): read here, they are 0
        DecisionResult acknowledged = new DecisionResult(WITHOUT_TIMINGS.treeToValue(decisionJson, Decision.class),
                WITHOUT_TIMINGS.treeToValue(traceJson, DecisionTrace.class));
        if (!acknowledged.decision().decisionId().equals(record.subject()) || explanationsJson == null) {
            throw new IllegalStateException("the job's decision record " + record.subject() + " holds decision "
                    + acknowledged.decision().decisionId() + (explanationsJson == null ? " without its explanation" : ""));
        }
        // and nothing but the timings: what is stored is what the job decided, to the last field
        if (!Timings.withoutTimings(acknowledged.decision()).equals(CanonicalJson.write(decisionJson))
                || !Timings.withoutTimings(acknowledged.trace()).equals(CanonicalJson.write(traceJson))) {
            throw new IllegalStateException("the job's decision " + record.subject() + " does not read back as the job wrote it, so it"
                    + " is not stored (do the service and the job run the same engine version?)");
        }
        List<Explanation> explanations = CanonicalJson.mapper().convertValue(explanationsJson, EXPLANATIONS);
        // the explanation must be of this decision's proposals and statuses, or it is not stored as its explanation
        acknowledged.explained(explanations);
        StoredDecision stored;
        try {
            stored = decisions.store(acknowledged, kind, idempotencyKey, requestSha256).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        try {
            decisions.storeExplanation(stored, explanations).join();
        } catch (CompletionException e) {
            // the decision is stored and waits for its explanation: a read or the next start works it out again
            LOG.error("decision {}: the job's explanation could not be stored; it is worked out again when read",
                    stored.decisionId(), e.getCause());
        }
        return new Stored(stored, acknowledged);
    }

    /** Keeps waiting for a decision whose client was answered without it, and stores it when it comes. */
    private void storeWhenAnswered(ClusterGateway.Pending pending, String kind, String idempotencyKey,
                                   String requestSha256) {
        CompletableFuture<StoredDecision> stored = pending.answer().thenApplyAsync(record -> {
            Stored late = stored(record, kind, idempotencyKey, requestSha256);
            LOG.warn("decision {} for account {} came after its client was answered without it; stored now",
                    late.stored().decisionId(), late.stored().accountId());
            return late.stored();
        }, late);
        stored.whenComplete((decision, failure) -> {
            if (failure != null && !(failure.getCause() instanceof InvalidRequestException)) {
                LOG.warn("decision request {} for account {}: no decision stored ({})", pending.subject(),
                        pending.accountId(), failure.getCause() == null ? failure : failure.getCause().getMessage());
            }
        });
        if (idempotencyKey != null) {
            Unanswered unanswered = new Unanswered(pending.subject(), requestSha256, kind, stored);
            unansweredByKey.put(idempotencyKey, unanswered);
            stored.whenComplete((decision, failure) -> unansweredByKey.remove(idempotencyKey, unanswered));
        }
    }

    @Override
    public void close() {
        late.shutdown();
        try {
            late.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
