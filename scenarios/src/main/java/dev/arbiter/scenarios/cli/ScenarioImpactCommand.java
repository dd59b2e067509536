package dev.arbiter.scenarios.cli;

import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.kb.fact.Bar;
import dev.arbiter.scenarios.data.ScenarioData;
import dev.arbiter.scenarios.impact.DecisionChange;
import dev.arbiter.scenarios.impact.ImpactReport;
import dev.arbiter.scenarios.impact.RuleSetImpact;
import dev.arbiter.scenarios.run.PipelineFactory;
import dev.arbiter.scenarios.spec.InvalidScenarioException;
import dev.arbiter.scenarios.spec.RulesSpec;
import dev.arbiter.scenarios.spec.ScenarioSpec;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code arbiter scenario impact FILE --rules DIR --out DIR}: every decision rule set B changes. */
@Command(name = "impact", mixinStandardHelpOptions = true,
        description = "Replay a scenario with its rule set (A) and decide every request again with rule set B "
                + "(--rules and/or --limit); list every decision that changed and the rules responsible. "
                + "Writes impact.csv and impact.md to DIR.")
final class ScenarioImpactCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "scenario file (YAML); its rules section is rule set A")
    private Path file;

    @Option(names = "--rules", paramLabel = "DIR", description = "rule-set folder for B (default: A's rules)")
    private Path rules;

    @Option(names = "--limit", paramLabel = "NAME=VALUE", description = "a limit B replaces (repeatable)")
    private Map<String, BigDecimal> limits = new HashMap<>();

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "folder for the impact report")
    private Path out;

    @Override
    public Integer call() throws Exception {
        return CommandSupport.guarded(() -> {
            ScenarioSpec spec = CommandSupport.read(file);
            if (rules == null && limits.isEmpty()) {
                throw new InvalidScenarioException("--rules/--limit", "nothing", "a rule set or limits for B to differ in");
            }
            if (rules != null && !Files.isDirectory(rules)) {
                throw new InvalidScenarioException("--rules", "'" + rules + "'", "a rule-set folder");
            }
            Map<String, BigDecimal> limitsB = new HashMap<>(spec.rules().limits());
            limitsB.putAll(limits);
            RulesSpec b = new RulesSpec(rules == null ? spec.rules().directory() : rules.toAbsolutePath(),
                    spec.rules().riskLayers(), limitsB, spec.rules().parameters());
            Map<String, List<Bar>> bars = ScenarioData.load(spec);
            ImpactReport report;
            try (DecisionPipeline pipelineA = PipelineFactory.create(spec.rules(), spec.strategies());
                 DecisionPipeline pipelineB = PipelineFactory.create(b, spec.strategies())) {
                report = RuleSetImpact.compare(spec, bars, pipelineA, pipelineB);
            }
            Files.createDirectories(out);
            Files.writeString(out.resolve("impact.csv"), csv(report.changes()));
            String markdown = markdown(report);
            Files.writeString(out.resolve("impact.md"), markdown);
            System.out.print(markdown);
            return 0;
        });
    }

    private static String csv(List<DecisionChange> changes) {
        StringBuilder csv = new StringBuilder("step,time,statusA,statusB,ordersA,ordersB,onlyA,onlyB\n");
        for (DecisionChange c : changes) {
            csv.append(c.step()).append(',').append(c.time()).append(',').append(c.statusA()).append(',')
                    .append(c.statusB()).append(',').append(String.join(";", c.ordersA())).append(',')
                    .append(String.join(";", c.ordersB())).append(',').append(String.join(";", c.onlyA())).append(',')
                    .append(String.join(";", c.onlyB())).append('\n');
        }
        return csv.toString();
    }

    static String markdown(ImpactReport report) {
        StringBuilder md = new StringBuilder("# Rule-set impact: " + report.scenario() + "\n\n");
        md.append("A: ").append(report.versionA()).append("  \nB: ").append(report.versionB()).append("\n\n");
        md.append(report.changes().size()).append(" of ").append(report.decisions()).append(" decisions changed.\n\n");
        md.append("| responsible rule | decisions changed |\n|---|---|\n");
        report.byRule().forEach((rule, n) -> md.append("| ").append(rule).append(" | ").append(n).append(" |\n"));
        md.append("\n| time | A | B | orders A | orders B | fired only under A | fired only under B |\n|---|---|---|---|---|---|---|\n");
        for (DecisionChange c : report.changes()) {
            md.append("| ").append(c.time()).append(" | ").append(c.statusA()).append(" | ").append(c.statusB())
                    .append(" | ").append(String.join(", ", c.ordersA())).append(" | ").append(String.join(", ", c.ordersB()))
                    .append(" | ").append(String.join(", ", c.onlyA())).append(" | ").append(String.join(", ", c.onlyB()))
                    .append(" |\n");
        }
        return md.toString();
    }
}
