package dev.arbiter.engine.shadow;

import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.engine.decision.DecisionRequest;
import dev.arbiter.engine.decision.DecisionResult;
import dev.arbiter.engine.decision.ExplanationTiming;
import dev.arbiter.engine.decision.RuleRelease;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the challengers in shadow of each decision, after the decision was stored and acknowledged, on a few worker
 * threads of its own: each challenger that applies decides the request exactly as the pipeline saw it (the stored
 * trace's request), with the release the challenger names, and the comparison with the champion is stored.
 *
 * <p>Bounded: at most {@code maxQueued} shadow runs wait; beyond that a run is skipped and counted, never queued
 * without bound and never waited for by the trading client. A failure is logged with a reference and counted in
 * {@code arbiter.shadow.failures}; nothing of it reaches the client, whose decision was answered already. Shadow rows
 * of one account may be stored out of the account's order: each row stands on its own.
 */
public final class ShadowRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ShadowRunner.class);

    private final ChallengerSource source;
    private final DecisionPipeline pipeline;
    private final ShadowStore store;
    private final MeterRegistry registry;
    private final ThreadPoolExecutor workers;
    private final Set<CompletableFuture<Void>> underWay = ConcurrentHashMap.newKeySet();

    /**
     * @param workers   threads that run challengers (each run takes a rule session, a sizer and a prover of the
     *                  pipeline's, like a decision)
     * @param maxQueued shadow runs waiting at most
     */
    public ShadowRunner(ChallengerSource source, DecisionPipeline pipeline, ShadowStore store, MeterRegistry registry,
                        int workers, int maxQueued) {
        if (workers < 1 || maxQueued < 1) {
            throw new IllegalArgumentException("arbiter.shadow.workers and max-queued: " + workers + " and "
                    + maxQueued + " are not accepted; expected at least 1 each");
        }
        this.source = source;
        this.pipeline = pipeline;
        this.store = store;
        this.registry = registry;
        this.workers = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(maxQueued), Thread.ofPlatform().name("arbiter-shadow-", 1).daemon(true).factory(),
                new ThreadPoolExecutor.AbortPolicy());
    }

    /**
     * Queues every current challenger that applies to a decision just stored and acknowledged. Never blocks and
     * never throws.
     *
     * @param championRelease the release the champion decided with
     */
    public void acknowledged(DecisionResult champion, RuleRelease championRelease) {
        List<Challenger> challengers;
        try {
            challengers = source.challengers();
        } catch (RuntimeException e) {
            failed(champion.decision().decisionId(), "(all)", "unknown", e);
            return;
        }
        for (Challenger challenger : challengers) {
            queue(champion, challenger, championRelease);
        }
    }

    /**
     * What the challenger decides in shadow of the champion's decision, compared with it: the same stored decision and
     * challenger give the same row.
     */
    public ShadowDecision shadow(DecisionResult champion, Challenger challenger, RuleRelease championRelease) {
        String decisionId = champion.decision().decisionId();
        DecisionRequest request = challenger.request(champion.trace().request());
        DecisionResult shadow = pipeline.decide(decisionId, request, challenger.release(championRelease),
                ExplanationTiming.AFTER_ACKNOWLEDGEMENT);
        List<String> differences = DecisionComparison.differences(champion.decision(), shadow.decision());
        List<String> responsible = differences.isEmpty() ? List.of()
                : DecisionComparison.rulesResponsible(champion.trace(), shadow.trace());
        return new ShadowDecision(decisionId, challenger.id(), challenger.kind(), !differences.isEmpty(), differences,
                responsible, shadow.decision(), shadow.trace().modelPredictions(), shadow.trace().proposals(),
                champion.decision().asOf());
    }

    /**
     * Waits until every shadow run queued so far has finished (stored, or failed and counted), at most {@code max}.
     *
     * @return whether they all finished
     */
    public boolean awaitQuiet(Duration max) throws InterruptedException {
        CompletableFuture<Void> all = CompletableFuture.allOf(underWay.toArray(CompletableFuture[]::new));
        try {
            all.get(max.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            return true; // each run counts its own failure
        } catch (TimeoutException e) {
            return false;
        }
    }

    private void queue(DecisionResult champion, Challenger challenger, RuleRelease championRelease) {
        String decisionId = champion.decision().decisionId();
        try {
            if (!challenger.appliesTo(champion.trace().request())) {
                return;
            }
            CompletableFuture<Void> run = new CompletableFuture<>();
            underWay.add(run);
            run.whenComplete((ignored, failure) -> underWay.remove(run));
            try {
                workers.execute(() -> {
                    try {
                        ShadowDecision row = shadow(champion, challenger, championRelease);
                        store.store(row);
                        registry.counter("arbiter.shadow.decisions", "kind", challenger.kind(),
                                "changed", String.valueOf(row.changed())).increment();
                    } catch (RuntimeException e) {
                        failed(decisionId, challenger.id(), challenger.kind(), e);
                    } finally {
                        run.complete(null);
                    }
                });
            } catch (RejectedExecutionException e) {
                run.complete(null);
                Counter.builder("arbiter.shadow.skipped").description("Shadow runs skipped: the queue was full")
                        .tag("kind", challenger.kind()).register(registry).increment();
                LOG.warn("decision {}: challenger {} not run in shadow, {} runs already waiting", decisionId,
                        challenger.id(), workers.getQueue().size());
            }
        } catch (RuntimeException e) {
            failed(decisionId, challenger.id(), challenger.kind(), e);
        }
    }

    private void failed(String decisionId, String challengerId, String kind, RuntimeException e) {
        String reference = "shadow-" + UUID.randomUUID();
        Counter.builder("arbiter.shadow.failures").description("Shadow runs that failed; the client never sees them")
                .tag("kind", kind).register(registry).increment();
        LOG.error("{}: challenger {} could not decide in shadow of decision {}; nothing was stored for it", reference,
                challengerId, decisionId, e);
    }

    /** Stops running challengers; those still waiting are not run (shadow rows are evidence, not a work list). */
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
