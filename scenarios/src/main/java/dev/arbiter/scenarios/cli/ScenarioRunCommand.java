package dev.arbiter.scenarios.cli;

import dev.arbiter.scenarios.data.ScenarioData;
import dev.arbiter.scenarios.expect.ExpectationResult;
import dev.arbiter.scenarios.metrics.PerformanceMetrics;
import dev.arbiter.scenarios.model.ModelOutcome;
import dev.arbiter.scenarios.model.ModelledRun;
import dev.arbiter.scenarios.report.MarginSection;
import dev.arbiter.scenarios.report.ModelSection;
import dev.arbiter.scenarios.report.ReportWriter;
import dev.arbiter.scenarios.report.ScenarioReport;
import dev.arbiter.scenarios.run.RunResult;
import dev.arbiter.scenarios.run.Scenarios;
import dev.arbiter.scenarios.run.StepListener;
import dev.arbiter.scenarios.spec.ScenarioSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code arbiter scenario run FILE --out DIR}: replays one scenario and writes its report. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Replay a scenario bar by bar through the decision pipeline, simulate fills, write "
                + "report.html, summary.json and trades.csv to DIR and check the expectations. "
                + "Exit 0 when every expectation holds, 3 when one does not, 2 on bad input.")
final class ScenarioRunCommand implements Callable<Integer> {

    /** The registry folder, under the run's out folder, the scenario's models are trained into. */
    static final String MODEL_REGISTRY = "models";

    @Parameters(paramLabel = "FILE", description = "scenario file (YAML)")
    private Path file;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "folder for the report")
    private Path out;

    @Override
    public Integer call() throws Exception {
        return CommandSupport.guarded(() -> {
            ScenarioSpec spec = CommandSupport.read(file);
            List<ModelOutcome> models = List.of();
            RunResult run;
            if (spec.model() == null) {
                run = Scenarios.run(spec);
            } else {
                ModelledRun modelled = ModelledRun.of(spec, ScenarioData.load(spec), out.resolve(MODEL_REGISTRY),
                        StepListener.NONE);
                run = modelled.run();
                models = modelled.models();
            }
            ScenarioReport report = ScenarioReport.of(spec, run);
            ReportWriter.write(report, run, models, out);
            print(report);
            if (!models.isEmpty()) {
                System.out.print(ModelSection.markdown(models));
            }
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
        if (report.margin().any()) {
            System.out.println("  perpetuals: funding paid " + MarginSection.money(report.margin().fundingPaid())
                    + ", received " + MarginSection.money(report.margin().fundingReceived()) + "; liquidations "
                    + report.margin().liquidations().size() + "; closest to liquidation "
                    + MarginSection.distance(report.margin()));
        }
        if (!report.activity().faults().isEmpty()) {
            System.out.println("  failed closed: " + report.activity().faults());
        }
        for (ExpectationResult r : report.expectations()) {
            System.out.println("  " + (r.held() ? "held   " : "FAILED ") + r.description());
        }
    }
}
