package dev.arbiter.engine.models;

import dev.arbiter.kb.text.Figures;
import dev.arbiter.mlbridge.model.ValidationReport;
import java.util.ArrayList;
import java.util.List;

/**
 * What a model's validation must show before it may be approved, from configuration
 * ({@code arbiter.models.quality-bar.*}). Each shortfall is a sentence with the measured number and the bar.
 *
 * @param minAccuracyLift     out-of-sample accuracy above the best baseline, as a fraction (0.002 is 0.2 points)
 * @param maxLogLoss          highest out-of-sample log-loss (0.6931 is a coin flip's)
 * @param minAuc              lowest out-of-sample AUC
 * @param maxFoldSpread       widest gap between the best and the worst fold's accuracy
 * @param maxCalibrationError highest expected calibration error
 * @param minSamples          fewest out-of-sample predictions the numbers may rest on
 */
public record QualityBar(double minAccuracyLift, double maxLogLoss, double minAuc, double maxFoldSpread,
                         double maxCalibrationError, int minSamples) {

    /** What the engine ships: better than the baselines and a coin, steady across folds, calibrated. */
    public static final QualityBar DEFAULTS = new QualityBar(0.0, 0.6931, 0.52, 0.05, 0.05, 1000);

    public QualityBar {
        for (double v : new double[] {minAccuracyLift, maxLogLoss, minAuc, maxFoldSpread, maxCalibrationError}) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("arbiter.models.quality-bar: " + v + " is not accepted; expected finite numbers");
            }
        }
        if (minSamples < 1) {
            throw new IllegalArgumentException("arbiter.models.quality-bar.min-samples: " + minSamples
                    + " is not accepted; expected at least 1");
        }
    }

    /** Where the report falls short of the bar; empty when it clears it. */
    public List<String> shortfalls(ValidationReport report) {
        List<String> shortfalls = new ArrayList<>();
        if (report.outOfSample().samples() < minSamples) {
            shortfalls.add("out-of-sample predictions " + report.outOfSample().samples() + " are fewer than the "
                    + minSamples + " the bar needs");
        }
        if (report.bestBaseline() != null && report.accuracyLift() < minAccuracyLift) {
            shortfalls.add("accuracy " + r(report.outOfSample().accuracy()) + " is " + r(report.accuracyLift())
                    + " above the best baseline " + report.bestBaseline() + " ("
                    + r(report.outOfSample().accuracy() - report.accuracyLift()) + "); the bar is at least "
                    + r(minAccuracyLift) + " above");
        }
        if (!(report.outOfSample().logLoss() <= maxLogLoss)) {
            shortfalls.add("log-loss " + r(report.outOfSample().logLoss()) + " is above the bar's " + r(maxLogLoss));
        }
        if (!(report.outOfSample().auc() >= minAuc)) {
            shortfalls.add("AUC " + r(report.outOfSample().auc()) + " is below the bar's " + r(minAuc));
        }
        if (report.foldAccuracySpread() > maxFoldSpread) {
            shortfalls.add("fold accuracies " + String.join(" ", report.foldAccuracies().stream().map(QualityBar::r).toList())
                    + " are " + r(report.foldAccuracySpread()) + " apart, more than the bar's " + r(maxFoldSpread));
        }
        if (report.calibration().expectedCalibrationError() > maxCalibrationError) {
            shortfalls.add("expected calibration error " + r(report.calibration().expectedCalibrationError())
                    + " is above the bar's " + r(maxCalibrationError));
        }
        return shortfalls;
    }

    private static String r(double value) {
        return Figures.reading(value, 4);
    }
}
