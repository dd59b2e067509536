package dev.arbiter.engine.service;

import dev.arbiter.engine.decision.DecisionResult;
import dev.arbiter.engine.decision.DecisionStatus;
import dev.arbiter.engine.decision.OutcomeRecord;
import dev.arbiter.kb.fact.ReconciliationBreak;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;

/**
 * Prometheus meters: decisions by kind and status (their rate is decisions per second), latency per
 * stage, rejections by layer and rule, decisions that failed closed, and reconciliation breaks.
 */
final class DecisionMetrics {

    private final MeterRegistry registry;

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

    /** What a client or a venue claimed that the engine's figures contradict, by field. */
    void breaks(List<ReconciliationBreak> breaks) {
        for (ReconciliationBreak b : breaks) {
            Counter.builder("arbiter.reconciliation.breaks").description("Claims that did not reconcile, by field")
                    .tag("field", b.field()).register(registry).increment();
        }
    }
}
