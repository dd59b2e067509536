package dev.arbiter.mlbridge.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import smile.classification.LogisticRegression;

/** L2-regularised logistic regression on features standardised with the training means and deviations. */
final class LogitModel implements ProbabilityModel {

    private static final long serialVersionUID = 1L;

    private final LogisticRegression.Binomial model;
    private final double[] mean;
    private final double[] sd;

    private LogitModel(LogisticRegression.Binomial model, double[] mean, double[] sd) {
        this.model = model;
        this.mean = mean;
        this.sd = sd;
    }

    static LogitModel fit(double[][] x, int[] y, double lambda) {
        int k = x[0].length;
        double[] mean = new double[k];
        double[] sd = new double[k];
        for (double[] row : x) {
            for (int j = 0; j < k; j++) {
                mean[j] += row[j] / x.length;
            }
        }
        for (double[] row : x) {
            for (int j = 0; j < k; j++) {
                sd[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / x.length;
            }
        }
        for (int j = 0; j < k; j++) {
            sd[j] = sd[j] > 0 ? Math.sqrt(sd[j]) : 1;
        }
        double[][] z = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            z[i] = standardise(x[i], mean, sd);
        }
        LogisticRegression.Binomial model = LogisticRegression.binomial(z, y, new LogisticRegression.Options(lambda, 1e-5, 500));
        return new LogitModel(model, mean, sd);
    }

    @Override
    public double probabilityUp(double[] features) {
        double[] posteriori = new double[2];
        model.predict(standardise(features, mean, sd), posteriori);
        return posteriori[1];
    }

    /**
     * Exact: on standardised features the log-odds are {@code b + sum w_j z_j}, so feature j contributes
     * {@code w_j z_j} and the base is the intercept {@code b}, the log-odds at the training means.
     */
    @Override
    public Optional<Attribution> attribution(double[] features, List<String> names) {
        double[] w = model.coefficients(); // the weights, then the intercept
        double[] z = standardise(features, mean, sd);
        List<Attribution.Contribution> contributions = new ArrayList<>(z.length);
        double output = w[z.length];
        for (int j = 0; j < z.length; j++) {
            double contribution = w[j] * z[j];
            contributions.add(new Attribution.Contribution(names.get(j), features[j], contribution));
            output += contribution;
        }
        return Optional.of(new Attribution(w[z.length], output, contributions));
    }

    private static double[] standardise(double[] x, double[] mean, double[] sd) {
        double[] z = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            z[j] = (x[j] - mean[j]) / sd[j];
        }
        return z;
    }
}
