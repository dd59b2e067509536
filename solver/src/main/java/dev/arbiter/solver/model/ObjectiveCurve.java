package dev.arbiter.solver.model;

/**
 * One order's soft terms (expected return, less fees and slippage, turnover penalty and the risk it adds
 * alone and against holdings) before rounding, as a polynomial in its lots k:
 * {@code value(k) = linearPerLot × k − quadraticPerLot × k²}, money. The score rounds each term to
 * {@link dev.arbiter.solver.constraints.ScoreUnits soft units} on its own, so it differs from
 * {@code value(k) × 10⁴} by at most half a unit per term plus floating-point error. A concave parabola
 * (quadraticPerLot &ge; 0 since variance and risk aversion are): the exact sizer reads from it which
 * sizes can still win.
 *
 * @param linearPerLot    (return rate − cost rate − turnover rate) × lot value − 2λ × sign × lot value × holdings loading
 * @param quadraticPerLot λ × variance × lot value², &ge; 0
 * @param scalePerLot     the sum of the magnitudes of the parts of {@code linearPerLot}, &ge; 0: how large the
 *                        numbers behind it are, which bounds its floating-point error when the parts cancel
 */
public record ObjectiveCurve(double linearPerLot, double quadraticPerLot, double scalePerLot) {

    public ObjectiveCurve {
        if (!Double.isFinite(linearPerLot) || !(quadraticPerLot >= 0) || Double.isInfinite(quadraticPerLot)
                || !(scalePerLot >= 0) || Double.isInfinite(scalePerLot)) {
            throw new IllegalArgumentException("ObjectiveCurve: linearPerLot " + linearPerLot + ", quadraticPerLot "
                    + quadraticPerLot + " and scalePerLot " + scalePerLot + " are not accepted; expected finite "
                    + "numbers, quadraticPerLot and scalePerLot >= 0");
        }
    }

    /** The unrounded soft terms at {@code lots} lots, money. */
    public double value(long lots) {
        return linearPerLot * lots - quadraticPerLot * lots * (double) lots;
    }
}
