package dev.arbiter.engine.service;

import dev.arbiter.engine.decision.Decision;
import dev.arbiter.engine.decision.DecisionResult;
import dev.arbiter.engine.decision.DecisionTrace;
import dev.arbiter.engine.json.CanonicalJson;
import dev.arbiter.engine.service.store.DecisionRepository;
import dev.arbiter.engine.service.store.StoredDecision;
import dev.arbiter.engine.service.store.StoredExplanation;
import dev.arbiter.reasoning.explain.Explanation;
import io.micrometer.core.instrument.Timer;
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
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;

/**
 * Explains decisions after they were acknowledged, off the request threads, and completes every read with the
 * explanation.
 *
 * <p>A decision is stored and acknowledged without its explanation, and waits on a work list stored in the same
 * transaction. It is then explained here on a few worker threads, one account's decisions in the order they were
 * decided (each account's next explanation runs after its last), and the explanation is stored with an audit record
 * of its own, which takes the decision off the work list. A read of the decision, its trace, its report, a query or a
 * replay is answered with the explanation: stored, or under way here (the read waits for it), or worked out by the
 * read itself and stored before it answers. Explaining is deterministic (the trace alone decides the sentences), so
 * whoever explains first, the words are the same; the second one to store finds the first one's and uses it. At
 * start-up the work list left by a stop or a crash is explained again.
 *
 * <p>At most {@code maxUnderWay} explanations are queued: beyond that a decision stays on the work list (a read
 * explains it, and the list is taken up again once the queue has emptied), so that a burst of decisions never turns
 * into an unbounded queue in memory or a refusal of something already acknowledged.
 */
final class DeferredExplanations implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeferredExplanations.class);
    /** How long a read waits for an explanation under way before it works the explanation out itself. */
    private static final Duration READ_WAIT = Duration.ofSeconds(10);

    private final DecisionRepository decisions;
    private final PipelinesByKind pipelines;
    private final DecisionMetrics metrics;
    private final int maxUnderWay;
    private final ExecutorService workers;
    /** Each account's last queued explanation; its next one runs after it. An entry goes when its explanation is done. */
    private final ConcurrentHashMap<String, CompletableFuture<Void>> lastOfAccount = new ConcurrentHashMap<>();
    /** Explanations queued or running, by decision id: a read waits for one of these rather than doing it twice. */
    private final ConcurrentHashMap<String, CompletableFuture<StoredExplanation>> underWay = new ConcurrentHashMap<>();
    /** Set when a decision was left on the work list because the queue was full. */
    private final AtomicBoolean leftOnWorkList = new AtomicBoolean();

    /**
     * @param workers     threads that explain (each with a Prolog engine of its own, taken from the pipeline's)
     * @param maxUnderWay explanations queued or running at most
     */
    DeferredExplanations(DecisionRepository decisions, PipelinesByKind pipelines, DecisionMetrics metrics, int workers,
                         int maxUnderWay) {
        if (workers < 1 || maxUnderWay < 1) {
            throw new IllegalArgumentException("arbiter.explanations.workers and max-queued: " + workers + " and "
                    + maxUnderWay + " are not accepted; expected at least 1 each");
        }
        this.decisions = decisions;
        this.pipelines = pipelines;
        this.metrics = metrics;
        this.maxUnderWay = maxUnderWay;
        this.workers = Executors.newFixedThreadPool(workers,
                Thread.ofPlatform().name("arbiter-explainer-", 1).daemon(true).factory());
    }

    /** Explanations queued or running now. */
    int underWay() {
        return underWay.size();
    }

    /**
     * Queues the explanation of a decision just stored and acknowledged. Called with the account's lock held, so that
     * one account's explanations queue in the order its decisions were made. Never blocks and never fails: a
     * decision that cannot be queued stays on the work list.
     */
    void acknowledged(StoredDecision stored, DecisionResult result) {
        if (!result.explained()) {
            queue(stored, result.trace());
        }
    }

    /**
     * Queues every decision on the work list: after a restart, the decisions acknowledged but not explained before
     * the service stopped.
     *
     * @return how many were queued
     */
    int takeUpWorkList() {
        List<StoredDecision> waiting = decisions.pendingExplanations(maxUnderWay);
        if (waiting.size() == maxUnderWay) {
            leftOnWorkList.set(true); // there may be more: the next batch once these are done
        }
        waiting.forEach(stored -> queue(stored, null));
        if (!waiting.isEmpty()) {
            LOG.info("explaining {} decision(s) acknowledged but not yet explained", waiting.size());
        }
        return waiting.size();
    }

    /**
     * The stored decision whole, with its explanation: stored already, or under way (waited for), or worked out and
     * stored now. Decisions stored with their explanation inside come back as they are.
     */
    DecisionResult complete(StoredDecision stored) {
        DecisionResult acknowledged = read(stored);
        if (acknowledged.explained()) {
            return acknowledged;
        }
        return acknowledged.explained(explanation(stored, acknowledged.trace()).explanations());
    }

    /** A decision's and its trace's JSON, explanation included. */
    record WholeJson(String decisionJson, String traceJson) {
    }

    /**
     * {@link #complete} as JSON: a decision stored with its explanation inside exactly as stored; one explained after
     * its acknowledgement as it would have been stored had it been explained at once (the same canonical JSON).
     */
    WholeJson completeJson(StoredDecision stored) {
        DecisionResult acknowledged = read(stored);
        if (acknowledged.explained()) {
            return new WholeJson(stored.decisionJson(), stored.traceJson());
        }
        DecisionResult whole = acknowledged.explained(explanation(stored, acknowledged.trace()).explanations());
        return new WholeJson(CanonicalJson.write(whole.decision()), CanonicalJson.write(whole.trace()));
    }

    /** Whether the decision's explanation is stored (inside it, or apart), without waiting or explaining. */
    boolean ready(StoredDecision stored) {
        return decisions.findExplanation(stored.decisionId()).isPresent() || read(stored).explained();
    }

    private StoredExplanation explanation(StoredDecision stored, DecisionTrace trace) {
        Optional<StoredExplanation> found = decisions.findExplanation(stored.decisionId());
        if (found.isPresent()) {
            return belonging(stored, found.get());
        }
        CompletableFuture<StoredExplanation> running = underWay.get(stored.decisionId());
        if (running != null) {
            try {
                return belonging(stored, running.get(READ_WAIT.toMillis(), TimeUnit.MILLISECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the explanation of decision "
                        + stored.decisionId(), e);
            } catch (ExecutionException | TimeoutException e) {
                // the worker failed or is slow: explain here, deterministically, and store it (or find the worker's)
                LOG.warn("decision {}: the explanation under way did not come ({}); explaining it on read",
                        stored.decisionId(), e.toString());
            }
        }
        return belonging(stored, explainAndStore(stored, trace));
    }

    /**
     * The explanation stored for {@code stored}. One worked out from another trace than the one stored now means the
     * stored trace was edited: it is still served (a replay is how an auditor sees what changed, and
     * {@code GET /v1/audit/verify} names the edited row), and the service says so in its log.
     */
    private static StoredExplanation belonging(StoredDecision stored, StoredExplanation explanation) {
        String traceSha = CanonicalJson.sha256(stored.traceJson());
        if (!traceSha.equals(explanation.traceSha256())) {
            LOG.warn("the explanation stored for decision {} was worked out from a trace with SHA-256 {}, not from the"
                    + " trace stored now ({}): the stored trace was edited; GET /v1/audit/verify names it",
                    stored.decisionId(), explanation.traceSha256(), traceSha);
        }
        return explanation;
    }

    private void queue(StoredDecision stored, DecisionTrace trace) {
        String id = stored.decisionId();
        if (underWay.size() >= maxUnderWay) {
            leftOnWorkList.set(true);
            return;
        }
        CompletableFuture<StoredExplanation> done = new CompletableFuture<>();
        if (underWay.putIfAbsent(id, done) != null) {
            return;
        }
        CompletableFuture<Void> next = lastOfAccount.compute(stored.accountId(), (account, last) ->
                (last == null ? CompletableFuture.<Void>completedFuture(null) : last)
                        .handleAsync((ignored, failure) -> {
                            work(stored, trace, done);
                            return null;
                        }, workers));
        // registered outside compute(): a future already done runs this at once, and compute() may not be re-entered
        next.whenComplete((ignored, failure) -> lastOfAccount.remove(stored.accountId(), next));
        if (next.isCompletedExceptionally() && !done.isDone()) {
            // the workers were shut down: the decision stays on the work list for the next start
            underWay.remove(id, done);
            done.completeExceptionally(new IllegalStateException("the explainers have stopped"));
        }
    }

    private void work(StoredDecision stored, DecisionTrace trace, CompletableFuture<StoredExplanation> done) {
        boolean explained = false;
        try {
            done.complete(explainAndStore(stored, trace));
            explained = true;
        } catch (RuntimeException e) {
            LOG.error("decision {} could not be explained now; a read or the next start explains it",
                    stored.decisionId(), e);
            done.completeExceptionally(e);
        } finally {
            underWay.remove(stored.decisionId(), done);
            // only after a success: a decision that cannot be explained must not be taken up again and again
            if (explained && underWay.isEmpty() && leftOnWorkList.compareAndSet(true, false)) {
                takeUpWorkList();
            }
        }
    }

    /** Explains from the trace and stores it; if it was stored meanwhile (by a read, or a worker), that one. */
    private StoredExplanation explainAndStore(StoredDecision stored, DecisionTrace trace) {
        DecisionTrace from = trace != null ? trace : read(stored).trace();
        Timer.Sample took = metrics.start();
        List<Explanation> explanations = pipelines.of(stored.kind()).explain(from);
        metrics.stage(took, "explanation", stored.kind());
        try {
            return decisions.storeExplanation(stored, explanations).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof DuplicateKeyException) {
                return decisions.findExplanation(stored.decisionId()).orElseThrow(() -> e);
            }
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static DecisionResult read(StoredDecision stored) {
        return new DecisionResult(CanonicalJson.mapper().readValue(stored.decisionJson(), Decision.class),
                CanonicalJson.mapper().readValue(stored.traceJson(), DecisionTrace.class));
    }

    /** Stops explaining; what is queued and not done stays on the work list for the next start. */
    @Override
    public void close() {
        workers.shutdown();
        try {
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
        }
    }
}
