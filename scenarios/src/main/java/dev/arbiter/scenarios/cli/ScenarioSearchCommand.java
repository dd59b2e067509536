package dev.arbiter.scenarios.cli;

import dev.arbiter.scenarios.data.ScenarioData;
import dev.arbiter.scenarios.model.ModelOutcome;
import dev.arbiter.scenarios.search.FoldResult;
import dev.arbiter.scenarios.search.WalkForwardSearch;
import dev.arbiter.scenarios.spec.InvalidScenarioException;
import dev.arbiter.scenarios.spec.ScenarioSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code arbiter scenario search FILE --out DIR}: walk-forward parameter search with an out-of-sample check. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Walk-forward search of strategy parameters (the scenario's search section) with a genetic "
                + "algorithm (Jenetics): best in-sample Sharpe per training window, checked on the next window, "
                + "with the deflated Sharpe ratio and the in- vs out-of-sample gap. Writes search.md to DIR.")
final class ScenarioSearchCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "scenario file (YAML) with a search section")
    private Path file;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "folder for the search report")
    private Path out;

    @Override
    public Integer call() throws Exception {
        return CommandSupport.guarded(() -> {
            ScenarioSpec spec = CommandSupport.read(file);
            if (spec.search() == null) {
                throw new InvalidScenarioException("search", "nothing", "a search section (docs/scenarios.md)");
            }
            List<FoldResult> folds = WalkForwardSearch.run(spec, ScenarioData.load(spec), spec.search(),
                    out.resolve(ScenarioRunCommand.MODEL_REGISTRY));
            Files.createDirectories(out);
            String markdown = markdown(spec.name(), folds);
            Files.writeString(out.resolve("search.md"), markdown);
            System.out.print(markdown);
            return 0;
        });
    }

    static String markdown(String scenario, List<FoldResult> folds) {
        StringBuilder md = new StringBuilder("# Walk-forward parameter search: " + scenario + "\n\n");
        md.append("| fold | train from | test from | best parameters | trials | in-sample Sharpe | out-of-sample Sharpe | gap | "
                + "rule set's own parameters, out of sample | deflated Sharpe (P[true SR > 0]) |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (FoldResult f : folds) {
            md.append(String.format(Locale.ROOT, "| %d | %s | %s | %s | %d | %.2f | %.2f | %.2f | %.2f | %.3f |%n", f.fold(),
                    f.trainFrom(), f.testFrom(), f.best(), f.trials(), f.inSampleSharpe(), f.outOfSampleSharpe(), f.gap(),
                    f.defaultOutOfSample(), f.deflatedSharpe()));
        }
        if (folds.stream().anyMatch(f -> !f.models().isEmpty())) {
            md.append("\n## Models, trained in sample, used in every replay of their fold\n\n");
            md.append("| fold | symbol | model | trained on (sample close times) | samples | in-sample accuracy | in-sample log-loss | "
                    + "out-of-sample predictions | out-of-sample accuracy | out-of-sample log-loss |\n|---|---|---|---|---|---|---|---|---|---|\n");
            for (FoldResult f : folds) {
                for (ModelOutcome o : f.models()) {
                    var m = o.model().metadata();
                    md.append(String.format(Locale.ROOT, "| %d | %s | %s@%s (%s) | %s .. %s | %d | %.3f | %.4f | %d | %.3f | %.4f |%n",
                            f.fold(), o.model().symbol(), m.name(), m.version(), m.algorithm(), m.trainedFrom(), m.trainedTo(),
                            m.trainingSamples(), o.model().inSample().accuracy(), o.model().inSample().logLoss(),
                            o.outOfSample().samples(), o.outOfSample().accuracy(), o.outOfSample().logLoss()));
                }
            }
            md.append("\nA model far more accurate in sample than out of sample is overfitted, like parameters with a large "
                    + "Sharpe gap; an out-of-sample accuracy near the share of the majority class says it learned nothing.\n");
        }
        md.append("\nSharpe ratios annualised. A large gap, or a deflated Sharpe well below 0.95, means the in-sample "
                + "result is likely luck of the search: do not ship those parameters on its strength.\n");
        return md.toString();
    }
}
