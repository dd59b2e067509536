package dev.arbiter.scenarios.stress;

import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.kb.fact.Bar;
import dev.arbiter.scenarios.metrics.MetricsCalculator;
import dev.arbiter.scenarios.metrics.PerformanceMetrics;
import dev.arbiter.scenarios.report.RuleActivity;
import dev.arbiter.scenarios.run.PipelineFactory;
import dev.arbiter.scenarios.run.RunResult;
import dev.arbiter.scenarios.run.ScenarioRunner;
import dev.arbiter.scenarios.spec.InvalidScenarioException;
import dev.arbiter.scenarios.spec.ScenarioSpec;
import dev.arbiter.scenarios.spec.StressSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Runs a scenario as it happened, under each of its shocks, and over seeded Monte Carlo paths, with one pipeline. */
public final class StressRunner {

    private StressRunner() {
    }

    public static StressReport run(ScenarioSpec spec, Map<String, List<Bar>> bars) {
        StressSpec stress = spec.stress();
        try (DecisionPipeline pipeline = PipelineFactory.create(spec.rules(), spec.strategies())) {
            ScenarioRunner runner = new ScenarioRunner(pipeline);
            PerformanceMetrics base = MetricsCalculator.of(runner.run(spec, bars));
            List<StressReport.ShockResult> shocks = new ArrayList<>();
            for (Shock shock : stress.shocks()) {
                RunResult run = runner.run(spec.named(spec.name() + "-" + shock.name()), Shocks.apply(shock, bars));
                shocks.add(new StressReport.ShockResult(shock, MetricsCalculator.of(run), RuleActivity.of(run)));
            }
            OutcomeDistribution distribution = null;
            if (stress.paths() > 0) {
                if (spec.from() == null) {
                    throw new InvalidScenarioException("from", "nothing", "a start time: Monte Carlo resamples the bars from it on");
                }
                SplittableRandom random = new SplittableRandom(stress.seed());
                List<Double> pnl = new ArrayList<>();
                List<Double> drawdowns = new ArrayList<>();
                for (int p = 0; p < stress.paths(); p++) {
                    Map<String, List<Bar>> path = BlockBootstrap.path(bars, spec.from(), stress.blockBars(), random.split());
                    RunResult run = runner.run(spec.named(spec.name() + "-path-" + p).withRange(spec.from(), null), path);
                    pnl.add(run.finalEquity() - run.startingCash());
                    drawdowns.add(MetricsCalculator.of(run).maxDrawdown());
                }
                distribution = OutcomeDistribution.of(pnl, drawdowns, stress.drawdownLimit());
            }
            return new StressReport(spec.name(), base, shocks, distribution);
        }
    }
}
