package dev.arbiter.reasoning.explain;

import alice.tuprolog.Prolog;
import alice.tuprolog.event.SpyEvent;
import alice.tuprolog.event.SpyListener;

/**
 * Counts the resolution steps of one query through tuProlog's tracer and halts the engine at the limit.
 * The tracer describes every step as text, which slows a query several times over: only auditors'
 * queries are counted, never the explainer's own goals.
 */
final class StepCounter implements SpyListener {

    private final Prolog engine;
    private final long maxSteps;
    private long steps;
    private volatile boolean exceeded;

    StepCounter(Prolog engine, long maxSteps) {
        this.engine = engine;
        this.maxSteps = maxSteps;
        engine.addSpyListener(this);
        engine.setSpy(true);
    }

    @Override
    public void onSpy(SpyEvent event) {
        if (++steps > maxSteps && !exceeded) {
            exceeded = true;
            engine.solveHalt();
        }
    }

    boolean exceeded() {
        return exceeded;
    }

    void detach() {
        engine.setSpy(false);
        engine.removeSpyListener(this);
    }
}
