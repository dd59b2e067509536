package dev.arbiter.scenarios.cli;

import dev.arbiter.scenarios.compare.ComparisonTable;
import dev.arbiter.scenarios.compare.RiskLayerComparison;
import dev.arbiter.scenarios.data.ScenarioData;
import dev.arbiter.scenarios.spec.ScenarioSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code arbiter scenario compare FILE... --out DIR}: each scenario with and without the risk layers. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "What the risk layers are worth: run each scenario with the rule set's risk layers and with "
                + "its strategy rules alone, side by side (return, max drawdown, worst day, time in market). "
                + "Writes risk-layers.html and risk-layers.md to DIR.")
final class ScenarioCompareCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "scenario files (YAML)")
    private List<Path> files;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "folder for the comparison")
    private Path out;

    @Override
    public Integer call() throws Exception {
        return CommandSupport.guarded(() -> {
            List<RiskLayerComparison> rows = new ArrayList<>();
            for (Path file : files) {
                ScenarioSpec spec = CommandSupport.read(file);
                rows.add(RiskLayerComparison.of(spec, ScenarioData.load(spec)));
            }
            Files.createDirectories(out);
            String markdown = ComparisonTable.markdown(rows);
            Files.writeString(out.resolve("risk-layers.md"), markdown);
            Files.writeString(out.resolve("risk-layers.html"), ComparisonTable.html(rows));
            System.out.print(markdown);
            return 0;
        });
    }
}
