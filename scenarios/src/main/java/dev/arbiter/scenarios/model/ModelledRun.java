package dev.arbiter.scenarios.model;

import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.engine.decision.RequestedModel;
import dev.arbiter.kb.fact.Bar;
import dev.arbiter.mlbridge.model.ModelRegistry;
import dev.arbiter.scenarios.run.PipelineFactory;
import dev.arbiter.scenarios.run.RunResult;
import dev.arbiter.scenarios.run.ScenarioRunner;
import dev.arbiter.scenarios.run.StepListener;
import dev.arbiter.scenarios.spec.InvalidScenarioException;
import dev.arbiter.scenarios.spec.ScenarioSpec;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A run whose decisions use the scenario's model: trained on the bars before the run's first decision,
 * registered under {@code registry}, named in every request, and scored on the predictions that entered
 * the decisions.
 *
 * @param run    the replay
 * @param models each instrument's model with its in-sample and out-of-sample metrics
 */
public record ModelledRun(RunResult run, List<ModelOutcome> models) {

    /** The version every model of a single run is registered under. */
    public static final String RUN_VERSION = "run";

    public static ModelledRun of(ScenarioSpec spec, Map<String, List<Bar>> bars, Path registry, StepListener listener) {
        if (spec.model() == null) {
            throw new InvalidScenarioException("model", "nothing", "a model section (docs/scenarios.md)");
        }
        Instant firstDecision = firstDecision(spec, bars);
        List<TrainedModel> trained = WindowModelTrainer.train(spec.model(), bars, null, firstDecision, registry, RUN_VERSION);
        List<RequestedModel> requests = trained.stream().map(TrainedModel::request).toList();
        PredictionScore score = new PredictionScore(listener);
        try (DecisionPipeline pipeline = PipelineFactory.create(spec.rules(), spec.strategies(), new ModelRegistry(registry))) {
            RunResult run = new ScenarioRunner(pipeline, requests).run(spec, bars, score);
            return new ModelledRun(run, score.outcomes(trained, bars));
        }
    }

    /** The run's first decision time, as the runner picks it: {@code from}, else once the first window is full. */
    static Instant firstDecision(ScenarioSpec spec, Map<String, List<Bar>> bars) {
        if (spec.from() != null) {
            return spec.from();
        }
        List<Bar> first = bars.get(spec.market().get(0).symbol());
        return first.get(Math.min(first.size() - 1, spec.windowBars() - 1)).openTime();
    }
}
