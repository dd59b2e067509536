package dev.arbiter.scenarios.search;

import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.engine.decision.RuleRelease;
import dev.arbiter.kb.fact.Bar;
import dev.arbiter.mlbridge.model.ModelRegistry;
import dev.arbiter.rules.pack.ParameterSet;
import dev.arbiter.scenarios.metrics.MetricsCalculator;
import dev.arbiter.scenarios.metrics.PerformanceMetrics;
import dev.arbiter.scenarios.model.PredictionScore;
import dev.arbiter.scenarios.model.TrainedModel;
import dev.arbiter.scenarios.model.WindowModelTrainer;
import dev.arbiter.scenarios.run.PipelineFactory;
import dev.arbiter.scenarios.run.RunResult;
import dev.arbiter.scenarios.run.ScenarioRunner;
import dev.arbiter.scenarios.run.StepListener;
import dev.arbiter.scenarios.run.StepRecord;
import dev.arbiter.scenarios.spec.InvalidScenarioException;
import dev.arbiter.scenarios.spec.ScenarioSpec;
import io.jenetics.DoubleChromosome;
import io.jenetics.DoubleGene;
import io.jenetics.Genotype;
import io.jenetics.Mutator;
import io.jenetics.Phenotype;
import io.jenetics.SinglePointCrossover;
import io.jenetics.TournamentSelector;
import io.jenetics.engine.Engine;
import io.jenetics.engine.EvolutionResult;
import io.jenetics.util.RandomRegistry;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Walk-forward search of strategy parameters with Jenetics: a genetic algorithm maximises the annualised
 * Sharpe ratio of a replay over the training window (in-sample fitness), the best parameters are then
 * replayed over the following test window (out-of-sample check), and the window rolls. Every trial is
 * a full replay through the decision pipeline, risk layers included; evaluations run one at a time on one
 * pipeline (the rule set is compiled once, parameters are swapped per trial), seeded, so the same search
 * gives the same result.
 *
 * <p>With a model in the scenario, each fold trains it on the in-sample window (samples at the window's bars,
 * labels inside it: none reaches the test window) and every replay of the fold, in and out of sample, names it.
 */
public final class WalkForwardSearch {

    private WalkForwardSearch() {
    }

    public static List<FoldResult> run(ScenarioSpec spec, Map<String, List<Bar>> bars, SearchSpec search) {
        return run(spec, bars, search, null);
    }

    /**
     * @param modelRegistry where the scenario's model (if it names one) is trained into, once per fold
     *                      (version {@code fold-N}); may be null for a scenario without a model
     */
    public static List<FoldResult> run(ScenarioSpec spec, Map<String, List<Bar>> bars, SearchSpec search,
                                       Path modelRegistry) {
        List<String> names = new ArrayList<>(search.ranges().keySet());
        names.sort(null);
        ParameterSet defaults = PipelineFactory.parameters(spec.rules());
        for (String name : names) {
            if (!defaults.values().containsKey(name)) {
                throw new InvalidScenarioException("search.parameters." + name, "an unknown parameter",
                        "a parameter the rule set defines " + defaults.values().keySet());
            }
        }
        if (spec.model() != null && modelRegistry == null) {
            throw new IllegalArgumentException("modelRegistry: null is not accepted for a scenario with a model; "
                    + "expected the folder to train the fold models into");
        }
        List<Instant> times = times(spec, bars);
        List<FoldResult> folds = new ArrayList<>();
        try (DecisionPipeline pipeline = spec.model() == null ? PipelineFactory.create(spec.rules(), spec.strategies())
                : PipelineFactory.create(spec.rules(), spec.strategies(), new ModelRegistry(modelRegistry))) {
            RuleRelease base = pipeline.active();
            for (int fold = 0; fold < search.folds(); fold++) {
                int start = fold * search.testBars();
                int testStart = start + search.trainBars();
                int testEnd = testStart + search.testBars();
                if (testEnd > times.size()) {
                    throw new InvalidScenarioException("search.folds", search.folds(), "at most the folds the data holds ("
                            + Math.max(0, (times.size() - search.trainBars()) / search.testBars()) + " with these windows)");
                }
                List<TrainedModel> models = spec.model() == null ? List.of()
                        : WindowModelTrainer.train(spec.model(), bars, times.get(start), times.get(testStart), modelRegistry,
                        "fold-" + fold);
                ScenarioRunner runner = new ScenarioRunner(pipeline, models.stream().map(TrainedModel::request).toList());
                ScenarioSpec train = spec.withRange(times.get(start), times.get(testStart));
                ScenarioSpec test = spec.withRange(times.get(testStart), testEnd < times.size() ? times.get(testEnd) : null);
                Map<String, Trial> trials = new LinkedHashMap<>();
                Genotype<DoubleGene> best = evolve(search, names, fold, g -> {
                    Map<String, Double> values = values(names, g);
                    return trials.computeIfAbsent(values.toString(),
                            k -> trial(runner, pipeline, base, train, bars, values, StepListener.NONE)).sharpe;
                });
                Map<String, Double> bestValues = values(names, best);
                Trial inSample = trials.get(bestValues.toString());
                PredictionScore score = new PredictionScore(StepListener.NONE);
                Trial outOfSample = trial(runner, pipeline, base, test, bars, bestValues, score);
                pipeline.activate(base);
                PerformanceMetrics defaultTest = MetricsCalculator.of(runner.run(test, bars));
                List<Double> perBar = trials.values().stream().map(t -> t.perBarSharpe).toList();
                folds.add(new FoldResult(fold, times.get(start), times.get(testStart), testEnd < times.size() ? times.get(testEnd) : null,
                        bestValues, inSample.sharpe, inSample.totalReturn, outOfSample.sharpe, outOfSample.totalReturn,
                        defaultTest.sharpe(), trials.size(), DeflatedSharpe.of(inSample.returns, perBar),
                        score.outcomes(models, bars)));
            }
            pipeline.activate(base);
        }
        return folds;
    }

    private static Genotype<DoubleGene> evolve(SearchSpec search, List<String> names, int fold,
                                               java.util.function.Function<Genotype<DoubleGene>, Double> fitness) {
        List<DoubleChromosome> chromosomes = names.stream()
                .map(n -> DoubleChromosome.of(search.ranges().get(n)[0], search.ranges().get(n)[1])).toList();
        Genotype<DoubleGene> template = Genotype.of(chromosomes);
        SplittableRandom seeded = new SplittableRandom(search.seed() + fold);
        return RandomRegistry.with(new java.util.Random(seeded.nextLong()), r -> {
            Engine<DoubleGene, Double> engine = Engine.builder(fitness, template)
                    .populationSize(search.population())
                    .selector(new TournamentSelector<>(2))
                    .alterers(new SinglePointCrossover<>(0.3), new Mutator<>(0.3))
                    .executor(Runnable::run) // one replay at a time: deterministic, one pipeline
                    .build();
            return engine.stream().limit(search.generations())
                    .collect(EvolutionResult.toBestPhenotype()).genotype();
        });
    }

    /** Parameter values of a genotype, rounded to 4 significant digits so nearby trials share one replay. */
    private static Map<String, Double> values(List<String> names, Genotype<DoubleGene> genotype) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            double v = genotype.get(i).gene().allele();
            values.put(names.get(i), new BigDecimal(v).round(new java.math.MathContext(4, RoundingMode.HALF_EVEN)).doubleValue());
        }
        return values;
    }

    private record Trial(double sharpe, double perBarSharpe, double totalReturn, double[] returns) {
    }

    private static Trial trial(ScenarioRunner runner, DecisionPipeline pipeline, RuleRelease base, ScenarioSpec window,
                               Map<String, List<Bar>> bars, Map<String, Double> values, StepListener listener) {
        ParameterSet parameters = base.parameters();
        for (Map.Entry<String, Double> e : values.entrySet()) {
            parameters = parameters.with(e.getKey(), BigDecimal.valueOf(e.getValue()));
        }
        pipeline.activate(base.withParameters(parameters));
        RunResult run = runner.run(window, bars, listener);
        PerformanceMetrics metrics = MetricsCalculator.of(run);
        double[] returns = returns(run);
        double perBar = metrics.volatility() == 0 ? 0 : metrics.sharpe() / Math.sqrt(barsPerYear(run));
        return new Trial(metrics.sharpe(), perBar, metrics.totalReturn(), returns);
    }

    private static double barsPerYear(RunResult run) {
        return 365.0 * 86400 / run.period().toSeconds();
    }

    private static double[] returns(RunResult run) {
        double[] returns = new double[run.steps().size()];
        double previous = run.startingCash();
        int i = 0;
        for (StepRecord step : run.steps()) {
            returns[i++] = step.equity() / previous - 1;
            previous = step.equity();
        }
        return returns;
    }

    /** Decision times from the scenario's start: the bars of its first feed. */
    private static List<Instant> times(ScenarioSpec spec, Map<String, List<Bar>> bars) {
        TreeSet<Instant> times = new TreeSet<>();
        bars.values().forEach(series -> series.forEach(b -> times.add(b.openTime())));
        Instant from = spec.from() != null ? spec.from()
                : bars.get(spec.market().get(0).symbol()).get(spec.windowBars() - 1).openTime();
        return new ArrayList<>(times.tailSet(from, true));
    }
}
