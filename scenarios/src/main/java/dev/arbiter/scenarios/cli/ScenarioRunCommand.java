package dev.arbiter.scenarios.cli;

import dev.arbiter.scenarios.expect.ExpectationResult;
import dev.arbiter.scenarios.metrics.PerformanceMetrics;
import dev.arbiter.scenarios.report.ReportWriter;
import dev.arbiter.scenarios.report.ScenarioReport;
import dev.arbiter.scenarios.run.RunResult;
import dev.arbiter.scenarios.run.Scenarios;
import dev.arbiter.scenarios.spec.ScenarioSpec;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code arbiter scenario run FILE --out DIR}: replays one scenario and writes its report. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Replay a scenario bar by bar through the decision pipeline, simulate fills, write "
                + "report.html, summary.json and trades.csv to DIR and check the expectations. "
                + "Exit 0 when every expectation holds, 3 when one does not, 2 on bad input.")
final class ScenarioRunCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "scenario file (YAML)")
    private Path file;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "folder for the report")
    private Path out;

    @Override
    public Integer call() throws Exception {
        return CommandSupport.guarded(() -> {
            ScenarioSpec spec = CommandSupport.read(file);
            RunResult run = Scenarios.run(spec);
            ScenarioReport report = ScenarioReport.of(spec, run);
            ReportWriter.write(report, run, out);
            print(report);
            System.out.println("report: " + out.resolve("report.html"));
            return report.expectationsHeld() ? 0 : CommandSupport.EXPECTATIONS_FAILED;
        });
    }

    static void print(ScenarioReport report) {
        PerformanceMetrics m = report.metrics();
        System.out.printf(Locale.ROOT, "%s: %d decisions (%.1f bars/s)%n", report.scenario(), report.decisions(),
                report.barsPerSecond());
        System.out.printf(Locale.ROOT, "  return %.2f%%  max drawdown %.2f%%  sharpe %.2f  trades %d  win rate %.1f%%  exposure %.1f%%%n",
                100 * m.totalReturn(), 100 * m.maxDrawdown(), m.sharpe(), m.trades(), 100 * m.winRate(), 100 * m.exposure());
        System.out.println("  decisions: " + report.activity().decisionsByStatus());
        System.out.println("  rejections: " + report.activity().rejections());
        if (!report.activity().faults().isEmpty()) {
            System.out.println("  failed closed: " + report.activity().faults());
        }
        for (ExpectationResult r : report.expectations()) {
            System.out.println("  " + (r.held() ? "held   " : "FAILED ") + r.description());
        }
    }
}
