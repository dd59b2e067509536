package dev.arbiter.scenarios.run;

import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.kb.fact.Bar;
import dev.arbiter.scenarios.data.ScenarioData;
import dev.arbiter.scenarios.spec.ScenarioSpec;
import java.util.List;
import java.util.Map;

/** Runs one scenario end to end: loads its bars, builds its pipeline, replays, closes the pipeline. */
public final class Scenarios {

    private Scenarios() {
    }

    public static RunResult run(ScenarioSpec spec) {
        return run(spec, ScenarioData.load(spec));
    }

    public static RunResult run(ScenarioSpec spec, Map<String, List<Bar>> bars) {
        return run(spec, bars, StepListener.NONE);
    }

    public static RunResult run(ScenarioSpec spec, Map<String, List<Bar>> bars, StepListener listener) {
        try (DecisionPipeline pipeline = PipelineFactory.create(spec.rules(), spec.strategies())) {
            return new ScenarioRunner(pipeline).run(spec, bars, listener);
        }
    }
}
