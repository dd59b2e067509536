package dev.arbiter.engine.service;

import dev.arbiter.engine.decision.DecisionResult;
import dev.arbiter.engine.decision.DecisionStatus;
import dev.arbiter.engine.decision.OutcomeRecord;
import dev.arbiter.kb.fact.ModelHealth;
import dev.arbiter.kb.fact.ReconciliationBreak;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Prometheus meters: decisions by kind and status (their rate is decisions per second), latency per
 * stage, rejections by layer and rule, decisions that failed closed, reconciliation breaks, and the health of
 * each model version the engine ran, as it last judged it.
 */
final class DecisionMetrics {

    /** {@code arbiter_model_health}: 0 OK, 1 DRIFTED, 2 STALE. */
    static final int MODEL_OK = 0;
    static final int MODEL_DRIFTED = 1;
    static final int MODEL_STALE = 2;
    private static final List<String> MODEL_STATUS = List.of("OK", "DRIFTED", "STALE");

    private final MeterRegistry registry;
    private final Map<String, AtomicInteger> modelHealth = new ConcurrentHashMap<>();

    DecisionMetrics(MeterRegistry registry) {
        this.registry = registry;
        // at zero from the start, so an alert on their increase has a series to watch before the first failure
        for (String cause : List.of("proof", "rule-session")) {
            Counter.builder("arbiter.fail.closed").description("Decisions that sent nothing because a stage failed")
                    .tag("cause", cause).register(registry);
        }
    }

    Timer.Sample start() {
        return Timer.start(registry);
    }

    void stage(Timer.Sample sample, String stage, String kind) {
        sample.stop(Timer.builder("arbiter.decision.stage").description("Latency of one stage of a decision")
                .tag("stage", stage).tag("kind", kind).publishPercentileHistogram().register(registry));
    }

    void decided(DecisionResult result, String kind, Timer.Sample total) {
        stage(total, "total", kind);
        // a decision explained after its acknowledgement has its explanation timed by whoever explains it
        result.stages().byStage().entrySet().stream()
                .filter(stage -> result.explained() || !stage.getKey().equals("explanation"))
                .forEach(stage -> Timer.builder("arbiter.decision.stage")
                .description("Latency of one stage of a decision").tag("stage", stage.getKey()).tag("kind", kind)
                .publishPercentileHistogram().register(registry).record(stage.getValue()));
        Counter.builder("arbiter.decisions").description("Decisions made and stored")
                .tag("kind", kind).tag("status", result.decision().status().name()).register(registry).increment();
        if (result.decision().status() == DecisionStatus.BLOCKED) {
            failedClosed("proof");
        }
        if (result.trace().sessionFault() != null) {
            failedClosed("rule-session");
        }
        if (result.trace().request().state() != null) {
            breaks(result.trace().request().state().breaks());
        }
        result.trace().modelPredictions().stream().filter(p -> p.health() != null).forEach(p -> judged(p.health()));
        for (OutcomeRecord outcome : result.trace().outcomes()) {
            if ("REJECT".equals(outcome.kind()) || "HALT".equals(outcome.kind())) {
                Counter.builder("arbiter.rejections").description("Rejections and halts by layer and rule")
                        .tag("layer", String.valueOf(outcome.reason().layer()))
                        .tag("rule", String.valueOf(outcome.reason().rule()))
                        .register(registry).increment();
            }
        }
    }

    /** A decision that sent nothing because a stage could not vouch for it ({@code cause}: proof, rule-session). */
    void failedClosed(String cause) {
        Counter.builder("arbiter.fail.closed").description("Decisions that sent nothing because a stage failed")
                .tag("cause", cause).register(registry).increment();
    }

    /** The engine's latest verdict on a model version: a gauge to alert on, and a count of verdicts by status. */
    void judged(ModelHealth health) {
        int status = health.stale() ? MODEL_STALE : health.drifted() ? MODEL_DRIFTED : MODEL_OK;
        modelHealth.computeIfAbsent(health.model() + "\u0000" + health.modelVersion(), key -> {
            AtomicInteger gauge = new AtomicInteger();
            Gauge.builder("arbiter.model.health", gauge, AtomicInteger::get)
                    .description("The engine's latest verdict on a model version: 0 OK, 1 DRIFTED, 2 STALE")
                    .tag("model", health.model()).tag("version", health.modelVersion()).register(registry);
            return gauge;
        }).set(status);
        Counter.builder("arbiter.model.verdicts").description("Verdicts on model versions the engine ran, by status")
                .tag("model", health.model()).tag("version", health.modelVersion())
                .tag("status", MODEL_STATUS.get(status))
                .register(registry).increment();
    }

    /** What a client or a venue claimed that the engine's figures contradict, by field. */
    void breaks(List<ReconciliationBreak> breaks) {
        for (ReconciliationBreak b : breaks) {
            Counter.builder("arbiter.reconciliation.breaks").description("Claims that did not reconcile, by field")
                    .tag("field", b.field()).register(registry).increment();
        }
    }
}
