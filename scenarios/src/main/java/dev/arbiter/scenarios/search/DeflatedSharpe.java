package dev.arbiter.scenarios.search;

import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/**
 * The deflated Sharpe ratio (Bailey and López de Prado, "The Deflated Sharpe Ratio: Correcting for
 * Selection Bias, Backtest Overfitting and Non-Normality", Journal of Portfolio Management 40(5), 2014):
 * the probability that the best of {@code N} trials has a true Sharpe ratio above zero, given how many
 * trials were made, how much their Sharpe ratios varied, and the skew and fat tails of its returns.
 *
 * <pre>
 * SR0 = sqrt(V[SR_n]) * ((1 - g) * Z^-1(1 - 1/N) + g * Z^-1(1 - 1/(N e)))     g: Euler–Mascheroni
 * DSR = Z((SR - SR0) * sqrt(T - 1) / sqrt(1 - skew * SR + (kurtosis - 1) / 4 * SR^2))
 * </pre>
 * All Sharpe ratios per bar (not annualised); kurtosis not in excess (3 for a normal distribution).
 */
public final class DeflatedSharpe {

    private static final double EULER_MASCHERONI = 0.5772156649015329;
    private static final NormalDistribution Z = new NormalDistribution(null, 0, 1);

    private DeflatedSharpe() {
    }

    /** The Sharpe ratio a best-of-N selection reaches by luck alone: SR0 above. */
    public static double expectedMaxSharpe(List<Double> trialSharpes) {
        int n = trialSharpes.size();
        if (n < 2) {
            return 0;
        }
        double variance = new DescriptiveStatistics(trialSharpes.stream().mapToDouble(Double::doubleValue).toArray())
                .getVariance();
        return Math.sqrt(variance) * ((1 - EULER_MASCHERONI) * Z.inverseCumulativeProbability(1 - 1.0 / n)
                + EULER_MASCHERONI * Z.inverseCumulativeProbability(1 - 1.0 / (n * Math.E)));
    }

    /**
     * @param returns      per-bar returns of the selected trial
     * @param trialSharpes per-bar Sharpe ratios of every trial, the selected one included
     */
    public static double of(double[] returns, List<Double> trialSharpes) {
        DescriptiveStatistics stats = new DescriptiveStatistics(returns);
        int t = returns.length;
        double sd = stats.getStandardDeviation();
        if (t < 4 || sd == 0 || !Double.isFinite(sd)) {
            return Double.NaN;
        }
        double sharpe = stats.getMean() / sd;
        double skew = stats.getSkewness();
        double kurtosis = stats.getKurtosis() + 3;
        double denominator = 1 - skew * sharpe + (kurtosis - 1) / 4 * sharpe * sharpe;
        if (!(denominator > 0)) {
            return Double.NaN;
        }
        return Z.cumulativeProbability((sharpe - expectedMaxSharpe(trialSharpes)) * Math.sqrt(t - 1) / Math.sqrt(denominator));
    }
}
