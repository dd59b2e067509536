package dev.arbiter.engine.service;

import dev.arbiter.engine.decision.ClientRequest;
import dev.arbiter.engine.decision.DecisionIds;
import dev.arbiter.engine.decision.DecisionResult;
import dev.arbiter.engine.decision.ExplanationTiming;
import dev.arbiter.engine.decision.RuleRelease;
import dev.arbiter.engine.json.CanonicalJson;
import dev.arbiter.engine.service.security.AccountScope;
import dev.arbiter.engine.service.store.DecisionRepository;
import dev.arbiter.engine.service.store.StoredDecision;
import dev.arbiter.engine.shadow.ShadowRunner;
import dev.arbiter.engine.state.EngineDecisions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.DuplicateKeyException;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes a decision from the engine's own state and stores it before answering: requests for one account one at a
 * time, accounts in parallel; a repeated idempotency key returns the stored decision without deciding again. The
 * answer does not wait for the explanation: the decision, its trace and its audit record are committed, then it is
 * acknowledged and explained off the request thread ({@link DeferredExplanations}), and decided again by the
 * challengers in shadow, off the request thread too ({@link ShadowRunner}). In gateway mode the decision job
 * decides instead, and its answer is stored here the same way ({@link ClusterDecisions}).
 */
final class DecisionService {

    /** Stored in the decision row: a full decision cycle or a pre-trade check. */
    static final String DECISION = "DECISION";
    static final String CHECK = "CHECK";
    /** A pre-trade check whose survivors were sized by the allocator, as asked. */
    static final String ALLOCATED_CHECK = "ALLOCATED_CHECK";

    private static final Logger LOG = LoggerFactory.getLogger(DecisionService.class);

    /** A stored decision and whether it was made just now or found under its idempotency key. */
    record Decided(StoredDecision stored, boolean repeated) {
    }

    private final PipelinesByKind pipelines;
    private final DecisionRepository decisions;
    private final DeferredExplanations explanations;
    private final ShadowRunner shadows;
    private final EngineDecisions engine;
    private final AccountLocks locks = new AccountLocks();
    private final DecisionMetrics metrics;
    private final Clock clock;
    /** Time-ordered, so that the store's indexes on decision ids grow at their end. */
    private final Supplier<String> decisionIds;
    private final Admission admission;
    /** Gateway mode: decisions are made by the decision job; empty in the embedded mode. */
    private final Optional<ClusterDecisions> cluster;

    DecisionService(PipelinesByKind pipelines, DecisionRepository decisions, DeferredExplanations explanations,
                    ShadowRunner shadows, EngineDecisions engine, DecisionMetrics metrics, Clock clock,
                    Admission admission, Optional<ClusterDecisions> cluster) {
        this.cluster = cluster;
        this.shadows = shadows;
        this.clock = clock;
        this.decisionIds = DecisionIds.timeOrdered(clock);
        this.admission = admission;
        this.pipelines = pipelines;
        this.decisions = decisions;
        this.explanations = explanations;
        this.engine = engine;
        this.metrics = metrics;
    }

    Decided decide(byte[] body, String idempotencyKey, String kind) {
        try (Admission.Ticket admitted = admission.enter()) {
            return admitted(body, idempotencyKey, kind);
        }
    }

    private Decided admitted(byte[] body, String idempotencyKey, String kind) {
        Timer.Sample total = metrics.start();
        ObjectNode tree = RequestTrees.read(body);
        String requestSha = CanonicalJson.sha256(body);
        String accountId = tree.path("account").path("accountId").asString("");
        AccountScope.check(accountId);
        ReentrantLock lock = locks.of(accountId);
        lock.lock();
        try {
            if (idempotencyKey != null) {
                Optional<Decided> earlier = earlier(idempotencyKey, requestSha, kind);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
            ClientRequest request = RequestTrees.clientRequest(tree);
            NotInTheFuture.check("asOf", request.asOf(), clock);
            if (cluster.isPresent()) {
                return onTheJob(cluster.get(), accountId, body, idempotencyKey, requestSha, kind, total);
            }
            String decisionId = decisionIds.get();
            MDC.put("decisionId", decisionId);
            Timer.Sample decideStage = metrics.start();
            DecisionResult result = engine.decide(decisionId, request, pipelines.of(kind),
                    ExplanationTiming.AFTER_ACKNOWLEDGEMENT);
            metrics.stage(decideStage, "pipeline", kind);
            Timer.Sample storeStage = metrics.start();
            StoredDecision stored;
            try {
                stored = decisions.store(result, kind, idempotencyKey, requestSha).join();
            } catch (CompletionException e) {
                if (idempotencyKey != null && e.getCause() instanceof DuplicateKeyException) {
                    // The same key arrived for another account at the same moment; the first one stored wins.
                    return earlier(idempotencyKey, requestSha, kind).orElseThrow(() -> e);
                }
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
            metrics.stage(storeStage, "store", kind);
            explanations.acknowledged(stored, result);
            shadow(result, kind);
            metrics.decided(result, kind, total);
            logDecided(kind, result, accountId);
            return new Decided(stored, false);
        } finally {
            MDC.remove("decisionId");
            lock.unlock();
        }
    }

    /**
     * A line per decision at INFO. Pre-trade checks come at gateway rates, where a line each would be most of the log
     * and a measurable share of a check's time: they are logged at DEBUG, and counted in the metrics and kept in the
     * store like every decision.
     */
    private static void logDecided(String kind, DecisionResult result, String accountId) {
        if (DECISION.equals(kind)) {
            LOG.info("decision {} for account {}: {}", result.decision().status(), accountId, result.decision().summary());
        } else if (LOG.isDebugEnabled()) {
            LOG.debug("{} {} for account {}: {}", kind.toLowerCase(), result.decision().status(), accountId,
                    result.decision().summary());
        }
    }

    /**
     * Gateway mode: the request, checked as the embedded engine checks it, is decided by the decision job; its answer
     * is stored here as an embedded decision is, with the explanation the job worked out. Called with the account's
     * lock held, after the idempotency key was looked up among the stored decisions.
     */
    private Decided onTheJob(ClusterDecisions job, String accountId, byte[] body, String idempotencyKey,
                             String requestSha, String kind, Timer.Sample total) {
        if (!DECISION.equals(kind)) {
            // checks decide from the account's state, which the job keeps: no stream input carries them yet
            throw new RunsOnTheJobException("POST /v1/checks", "the account's state");
        }
        Optional<StoredDecision> unanswered = job.unanswered(idempotencyKey, requestSha, kind);
        if (unanswered.isPresent()) {
            return new Decided(unanswered.get(), true);
        }
        String decisionId = decisionIds.get();
        MDC.put("decisionId", decisionId);
        ClusterDecisions.Stored decided;
        try {
            decided = job.decide(accountId, decisionId, body, kind, idempotencyKey, requestSha);
        } catch (DuplicateKeyException e) {
            if (idempotencyKey != null) {
                // the same key arrived for another account at the same moment; the first one stored wins
                return earlier(idempotencyKey, requestSha, kind).orElseThrow(() -> e);
            }
            throw e;
        }
        DecisionResult result = decided.result();
        shadow(result, kind);
        metrics.decided(result, kind, total);
        LOG.info("{} {} for account {} by the decision job: {}", kind.toLowerCase(), result.decision().status(),
                accountId, result.decision().summary());
        return new Decided(decided.stored(), false);
    }

    /**
     * Hands a decision to the challengers in shadow, with the release it was made with. Pre-trade checks are not
     * shadowed: they run a release without the strategy rules, which a candidate's release is not. A decision made
     * just before an activation is not shadowed either: the activation ended every shadow.
     */
    private void shadow(DecisionResult result, String kind) {
        RuleRelease release = pipelines.of(kind).active();
        if (DECISION.equals(kind) && release.versions().equals(result.decision().versions())) {
            shadows.acknowledged(result, release);
        }
    }

    private Optional<Decided> earlier(String idempotencyKey, String requestSha, String kind) {
        return decisions.findByIdempotencyKey(idempotencyKey).map(found -> {
            if (!requestSha.equals(found.requestSha256()) || !kind.equals(found.kind())) {
                throw new IdempotencyConflictException(idempotencyKey, found.decisionId());
            }
            return new Decided(found, true);
        });
    }
}
