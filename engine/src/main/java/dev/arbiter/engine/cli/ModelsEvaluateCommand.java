package dev.arbiter.engine.cli;

import dev.arbiter.mlbridge.model.Algorithm;
import dev.arbiter.mlbridge.model.Dataset;
import dev.arbiter.mlbridge.model.WalkForwardEvaluation;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code arbiter models evaluate}: the walk-forward report of every learner and baseline, as Markdown. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Walk-forward out-of-sample accuracy, log-loss and AUC of gbt, rf, logit and the baselines.")
final class ModelsEvaluateCommand implements Callable<Integer> {

    @Mixin
    private ModelData options;

    @Override
    public Integer call() throws Exception {
        Dataset data;
        try {
            data = options.dataset(options.readBars());
        } catch (NoSuchFileException e) {
            System.err.println("--bars: " + options.bars + " does not exist");
            return 2;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        long started = System.nanoTime();
        WalkForwardEvaluation.Report report;
        try {
            report = WalkForwardEvaluation.run(data, options.walkForward(), List.of(Algorithm.values()), options.seed);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        System.out.print(report.toMarkdown());
        System.err.printf("evaluated in %.1f s%n", (System.nanoTime() - started) / 1e9);
        return 0;
    }
}
