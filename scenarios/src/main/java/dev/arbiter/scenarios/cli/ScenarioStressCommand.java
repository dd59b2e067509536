package dev.arbiter.scenarios.cli;

import dev.arbiter.scenarios.data.ScenarioData;
import dev.arbiter.scenarios.metrics.PerformanceMetrics;
import dev.arbiter.scenarios.spec.ScenarioSpec;
import dev.arbiter.scenarios.stress.OutcomeDistribution;
import dev.arbiter.scenarios.stress.StressReport;
import dev.arbiter.scenarios.stress.StressRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code arbiter scenario stress FILE --out DIR}: the scenario's shocks and Monte Carlo paths. */
@Command(name = "stress", mixinStandardHelpOptions = true,
        description = "Run a scenario as it happened, under each shock of its stress section, and over seeded Monte "
                + "Carlo paths (block bootstrap of its real bars): VaR and expected shortfall of the P&L, and the "
                + "probability of breaching the drawdown limit. Writes stress.md to DIR.")
final class ScenarioStressCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "scenario file (YAML) with a stress section")
    private Path file;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "folder for the stress report")
    private Path out;

    @Override
    public Integer call() throws Exception {
        return CommandSupport.guarded(() -> {
            ScenarioSpec spec = CommandSupport.read(file);
            StressReport report = StressRunner.run(spec, ScenarioData.load(spec));
            Files.createDirectories(out);
            String markdown = markdown(report);
            Files.writeString(out.resolve("stress.md"), markdown);
            System.out.print(markdown);
            return 0;
        });
    }

    static String markdown(StressReport report) {
        StringBuilder md = new StringBuilder("# Stress: " + report.scenario() + "\n\n");
        md.append("| run | return | max drawdown | worst day | time in market | trades | halted decisions | failed closed |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        md.append(row("as it happened", report.base(), -1, -1));
        for (StressReport.ShockResult s : report.shocks()) {
            int failed = s.activity().faults().values().stream().mapToInt(Integer::intValue).sum();
            md.append(row(s.shock().name() + " (" + s.shock().kind() + ")", s.metrics(), s.activity().haltedDecisions(), failed));
        }
        OutcomeDistribution mc = report.monteCarlo();
        if (mc != null) {
            md.append(String.format(Locale.ROOT, "%n## Monte Carlo (%d block-bootstrap paths)%n%n"
                            + "| mean P&L | median P&L | worst | best | VaR 95 %% | ES 95 %% | median max drawdown | P(max drawdown >= %.0f %%) |%n"
                            + "|---|---|---|---|---|---|---|---|%n| %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f %% | %.1f %% |%n",
                    mc.paths(), 100 * mc.drawdownLimit(), mc.meanPnl(), mc.medianPnl(), mc.worstPnl(), mc.bestPnl(),
                    mc.valueAtRisk95(), mc.expectedShortfall95(), 100 * mc.medianMaxDrawdown(), 100 * mc.drawdownBreach()));
        }
        return md.toString();
    }

    private static String row(String name, PerformanceMetrics m, int halted, int failed) {
        return String.format(Locale.ROOT, "| %s | %.2f %% | %.2f %% | %.2f %% | %.1f %% | %d | %s | %s |%n", name,
                100 * m.totalReturn(), 100 * m.maxDrawdown(), 100 * m.worstDay(), 100 * m.exposure(), m.trades(),
                halted < 0 ? "" : String.valueOf(halted), failed < 0 ? "" : String.valueOf(failed));
    }
}
