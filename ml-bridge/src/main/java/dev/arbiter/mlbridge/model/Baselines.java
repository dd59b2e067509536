package dev.arbiter.mlbridge.model;

/**
 * The honest baselines every model is reported beside, fitted on the same training window:
 * <ul>
 *   <li>{@code majority}: always the training window's share of up labels;</li>
 *   <li>{@code previous-return sign}: the training window's share of up labels after an up bar, or
 *       after a flat-or-down bar, according to the sign of the last one-bar return (feature {@code roc_1}).</li>
 * </ul>
 */
final class Baselines {

    private Baselines() {
    }

    record Majority(double upShare) implements ProbabilityModel {
        static Majority fit(int[] y) {
            double ups = 0;
            for (int v : y) {
                ups += v;
            }
            return new Majority(ups / y.length);
        }

        @Override
        public double probabilityUp(double[] features) {
            return upShare;
        }
    }

    record PreviousReturnSign(int rocColumn, double upAfterUp, double upAfterDown) implements ProbabilityModel {
        static PreviousReturnSign fit(double[][] x, int[] y, int rocColumn) {
            double upUp = 1;
            double nUp = 2;
            double upDown = 1;
            double nDown = 2; // Laplace smoothing: never a probability of exactly 0 or 1
            for (int i = 0; i < y.length; i++) {
                if (x[i][rocColumn] > 0) {
                    upUp += y[i];
                    nUp++;
                } else {
                    upDown += y[i];
                    nDown++;
                }
            }
            return new PreviousReturnSign(rocColumn, upUp / nUp, upDown / nDown);
        }

        @Override
        public double probabilityUp(double[] features) {
            return features[rocColumn] > 0 ? upAfterUp : upAfterDown;
        }
    }
}
