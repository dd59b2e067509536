package dev.arbiter.scenarios.spec;

import dev.arbiter.scenarios.stress.Shock;
import java.util.List;

/**
 * What {@code scenario stress} does with a scenario: each shock on the real bars, and {@code paths} Monte
 * Carlo paths by block bootstrap of the real bars ({@code blockBars} per block, seeded).
 *
 * @param drawdownLimit the drawdown whose breach probability is reported
 */
public record StressSpec(List<Shock> shocks, int paths, int blockBars, long seed, double drawdownLimit) {

    public static final StressSpec NONE = new StressSpec(List.of(), 0, 24, 1, 0.15);

    public StressSpec {
        shocks = List.copyOf(shocks);
    }
}
