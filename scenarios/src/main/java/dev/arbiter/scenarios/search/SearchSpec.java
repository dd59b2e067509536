package dev.arbiter.scenarios.search;

import java.util.Map;

/**
 * A walk-forward parameter search: for each of {@code folds} folds, search on {@code trainBars} bars
 * and test the best parameters on the {@code testBars} bars after them; the next fold starts
 * {@code testBars} later.
 *
 * @param ranges each searched parameter's [min, max]
 */
public record SearchSpec(Map<String, double[]> ranges, int trainBars, int testBars, int folds, int population,
                         int generations, long seed) {

    public SearchSpec {
        ranges = Map.copyOf(ranges);
    }
}
