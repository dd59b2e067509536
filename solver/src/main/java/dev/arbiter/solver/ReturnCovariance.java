package dev.arbiter.solver;

import static dev.arbiter.kb.Require.present;

import dev.arbiter.kb.InvalidFactException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Covariance of the instruments' returns over the allocation's horizon (fractions, not percent): the
 * risk term of the objective reads it. Symmetric and positive semi-definite, checked on construction.
 *
 * <p>{@link #ledoitWolf} estimates one from return series with Ledoit–Wolf shrinkage towards a scaled
 * identity (Ledoit &amp; Wolf, "A well-conditioned estimator for large-dimensional covariance matrices",
 * 2004), so it stays well-conditioned even with few observations per instrument.
 *
 * @param symbols the instruments, in the matrix's row order; each once
 * @param matrix  covariance, {@code matrix.get(i).get(j)} for symbols i and j
 */
public record ReturnCovariance(List<String> symbols, List<List<Double>> matrix) {

    private static final String FACT = "ReturnCovariance";
    /** Relative tolerance of the symmetry and semi-definiteness checks. */
    private static final double TOLERANCE = 1e-9;

    public ReturnCovariance {
        present(FACT, "symbols", symbols);
        present(FACT, "matrix", matrix);
        symbols = List.copyOf(symbols);
        if (new java.util.HashSet<>(symbols).size() != symbols.size()) {
            throw new InvalidFactException(FACT, "symbols", symbols, "each symbol once");
        }
        int n = symbols.size();
        if (matrix.size() != n) {
            throw new InvalidFactException(FACT, "matrix", matrix.size() + " rows",
                    n + " rows, one per symbol " + symbols);
        }
        List<List<Double>> copy = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<Double> row = matrix.get(i);
            if (row == null || row.size() != n) {
                throw new InvalidFactException(FACT, "matrix[" + i + "]", row == null ? null : row.size() + " values",
                        n + " values, one per symbol");
            }
            for (int j = 0; j < n; j++) {
                Double value = row.get(j);
                if (value == null || !Double.isFinite(value)) {
                    throw new InvalidFactException(FACT, "matrix[" + i + "][" + j + "]", value, "a finite number");
                }
            }
            copy.add(List.copyOf(row));
        }
        matrix = List.copyOf(copy);
        double[][] values = toArray(matrix);
        double scale = 0;
        for (int i = 0; i < n; i++) {
            scale = Math.max(scale, Math.abs(values[i][i]));
        }
        for (int i = 0; i < n; i++) {
            if (values[i][i] < 0) {
                throw new InvalidFactException(FACT, "matrix[" + i + "][" + i + "]", values[i][i],
                        "a variance >= 0 (the diagonal of a covariance matrix)");
            }
            for (int j = 0; j < i; j++) {
                if (Math.abs(values[i][j] - values[j][i]) > TOLERANCE * Math.max(scale, Double.MIN_NORMAL)) {
                    throw new InvalidFactException(FACT, "matrix[" + i + "][" + j + "]", values[i][j],
                            "the same value as matrix[" + j + "][" + i + "] (" + values[j][i]
                                    + "): a covariance matrix is symmetric");
                }
            }
        }
        requirePositiveSemiDefinite(symbols, values, scale);
    }

    /** No instruments: the risk term is zero. */
    public static ReturnCovariance none() {
        return new ReturnCovariance(List.of(), List.of());
    }

    /**
     * Cholesky factorisation of the matrix plus a tiny ridge (1e-9 of the largest variance): it succeeds
     * exactly when every eigenvalue is above minus the ridge, so rounding noise passes and a matrix with
     * a truly negative direction (e.g. correlations 0.9, 0.9, -0.9) is refused, naming the first symbol
     * whose pivot is negative.
     */
    private static void requirePositiveSemiDefinite(List<String> symbols, double[][] values, double scale) {
        int n = values.length;
        double ridge = TOLERANCE * Math.max(scale, Double.MIN_NORMAL);
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = values[i][j] + (i == j ? ridge : 0);
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (sum <= 0) {
                        throw new InvalidFactException(FACT, "matrix", "a matrix with a negative eigenvalue (pivot "
                                + sum + " at " + symbols.get(i) + ")",
                                "a positive semi-definite covariance, e.g. one estimated with "
                                        + "ReturnCovariance.ledoitWolf; correlations that contradict each other "
                                        + "(A~B, B~C but A~-C) are not a covariance");
                    }
                    l[i][i] = Math.sqrt(sum);
                } else {
                    l[i][j] = sum / l[j][j];
                }
            }
        }
    }

    private static double[][] toArray(List<List<Double>> matrix) {
        int n = matrix.size();
        double[][] values = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                values[i][j] = matrix.get(i).get(j);
            }
        }
        return values;
    }

    /** Covariance of two symbols; 0 when either is not in the matrix. */
    public double covariance(String left, String right) {
        Map<String, Integer> index = index();
        Integer i = index.get(left);
        Integer j = index.get(right);
        return i == null || j == null ? 0.0 : matrix.get(i).get(j);
    }

    /** Symbol to row, in row order. */
    public Map<String, Integer> index() {
        Map<String, Integer> symbolToRow = new HashMap<>();
        for (int i = 0; i < symbols.size(); i++) {
            symbolToRow.put(symbols.get(i), i);
        }
        return symbolToRow;
    }

    /** The matrix as a fresh array. */
    public double[][] toArray() {
        return toArray(matrix);
    }

    /**
     * Ledoit–Wolf estimate from aligned return series (the same number T &ge; 2 of observations per
     * symbol, observation t at the same time for every symbol), scaled by {@code horizonPeriods} (the
     * covariance of one period's returns times the periods in the horizon).
     *
     * <pre>
     *   S   = sample covariance (demeaned, divided by T)
     *   m   = trace(S) / p                          the target is m·I
     *   d²  = ‖S − m·I‖² / p                        (Frobenius norm)
     *   b̄²  = (1/T²) Σ_t ‖x_t x_tᵀ − S‖² / p
     *   b²  = min(b̄², d²);   shrinkage δ = b² / d²  (0 when d² = 0)
     *   Σ   = δ·m·I + (1 − δ)·S
     * </pre>
     *
     * @param returnsBySymbol per symbol, its returns oldest first; iteration order gives the row order
     * @throws IllegalArgumentException when the series differ in length or hold fewer than 2 returns
     */
    public static Estimate ledoitWolf(LinkedHashMap<String, double[]> returnsBySymbol, int horizonPeriods) {
        if (horizonPeriods < 1) {
            throw new InvalidFactException(FACT, "horizonPeriods", horizonPeriods, "a whole number >= 1");
        }
        List<String> symbols = new ArrayList<>(returnsBySymbol.keySet());
        int p = symbols.size();
        if (p == 0) {
            return new Estimate(none(), 0.0, 0);
        }
        int t = -1;
        for (String symbol : symbols) {
            double[] series = returnsBySymbol.get(symbol);
            if (t < 0) {
                t = series.length;
            } else if (series.length != t) {
                throw new InvalidFactException(FACT, "returns." + symbol, series.length + " returns",
                        t + " returns, aligned with " + symbols.get(0));
            }
            for (double value : series) {
                if (!Double.isFinite(value)) {
                    throw new InvalidFactException(FACT, "returns." + symbol, value, "finite returns");
                }
            }
        }
        if (t < 2) {
            throw new InvalidFactException(FACT, "returns", t + " returns per symbol", "at least 2 per symbol");
        }
        double[][] x = new double[t][p];
        for (int j = 0; j < p; j++) {
            double[] series = returnsBySymbol.get(symbols.get(j));
            double mean = 0;
            for (double value : series) {
                mean += value;
            }
            mean /= t;
            for (int i = 0; i < t; i++) {
                x[i][j] = series[i] - mean;
            }
        }
        double[][] s = new double[p][p];
        for (int i = 0; i < t; i++) {
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    s[a][b] += x[i][a] * x[i][b];
                }
            }
        }
        double trace = 0;
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                s[a][b] /= t;
            }
            trace += s[a][a];
        }
        double m = trace / p;
        double d2 = 0;
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                double diff = s[a][b] - (a == b ? m : 0);
                d2 += diff * diff;
            }
        }
        d2 /= p;
        double bBar2 = 0;
        for (int i = 0; i < t; i++) {
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    double diff = x[i][a] * x[i][b] - s[a][b];
                    bBar2 += diff * diff;
                }
            }
        }
        bBar2 = bBar2 / p / ((double) t * t);
        double b2 = Math.min(bBar2, d2);
        double shrinkage = d2 == 0 ? 0 : b2 / d2;
        List<List<Double>> matrix = new ArrayList<>(p);
        for (int a = 0; a < p; a++) {
            List<Double> row = new ArrayList<>(p);
            for (int b = 0; b < p; b++) {
                double value = (1 - shrinkage) * s[a][b] + (a == b ? shrinkage * m : 0);
                row.add(value * horizonPeriods);
            }
            matrix.add(row);
        }
        // exact symmetry: the sums above are computed in the same order for (a,b) and (b,a)
        return new Estimate(new ReturnCovariance(symbols, matrix), shrinkage, t);
    }

    /**
     * An estimate with how it was made.
     *
     * @param shrinkage    δ in 0..1: the weight of the scaled-identity target
     * @param observations returns per symbol it was estimated from
     */
    public record Estimate(ReturnCovariance covariance, double shrinkage, int observations) {
    }
}
