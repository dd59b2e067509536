package dev.arbiter.scenarios.run;

import dev.arbiter.kb.fact.Bar;
import dev.arbiter.scenarios.margin.MarginActivity;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A finished run: every step, trade and fill, and the bars it ran over (for the charts). Every figure is the
 * engine's: steps carry the account's equity and exposure after each decision, trades the positions the engine
 * closed, fills its journal's.
 *
 * @param period     the bar period of the run's timeline (the first feed's)
 * @param closedOutCash the engine's cash after the venue closed every position still open at the end (at its last
 *                      mark, with slippage and fees)
 * @param elapsedNanos wall time of the replay loop, decisions included
 * @param margin       the perpetuals' funding, liquidations and closest approach to liquidation (nothing for spot)
 */
public record RunResult(String scenario, double startingCash, Duration period, List<StepRecord> steps,
                        List<Trade> trades, List<Fill> fills, Map<String, List<Bar>> bars, double closedOutCash,
                        long elapsedNanos, MarginActivity margin) {

    public double finalEquity() {
        return steps.isEmpty() ? startingCash : steps.get(steps.size() - 1).equity();
    }
}
