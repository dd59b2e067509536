package dev.arbiter.mlbridge.model;

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

    private static double[] standardise(double[] x, double[] mean, double[] sd) {
        double[] z = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            z[j] = (x[j] - mean[j]) / sd[j];
        }
        return z;
    }
}
