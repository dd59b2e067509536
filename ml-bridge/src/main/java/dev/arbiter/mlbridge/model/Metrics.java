package dev.arbiter.mlbridge.model;

import smile.validation.metric.AUC;

/**
 * Out-of-sample quality of probabilities: accuracy at 0.5, log-loss (natural log, probabilities
 * clipped to [1e-15, 1 - 1e-15]) and the area under the ROC curve.
 */
public record Metrics(int samples, double accuracy, double logLoss, double auc, double upShare) {

    public static Metrics of(int[] truth, double[] probabilityUp) {
        int n = truth.length;
        int correct = 0;
        int ups = 0;
        double loss = 0;
        for (int i = 0; i < n; i++) {
            int predicted = probabilityUp[i] > 0.5 ? 1 : 0;
            correct += predicted == truth[i] ? 1 : 0;
            ups += truth[i];
            double p = Math.min(Math.max(probabilityUp[i], 1e-15), 1 - 1e-15);
            loss -= truth[i] == 1 ? Math.log(p) : Math.log(1 - p);
        }
        boolean bothClasses = ups > 0 && ups < n;
        return new Metrics(n, (double) correct / n, loss / n, bothClasses ? AUC.of(truth, probabilityUp) : Double.NaN,
                (double) ups / n);
    }
}
