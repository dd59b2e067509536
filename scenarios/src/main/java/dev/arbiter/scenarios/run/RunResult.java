package dev.arbiter.scenarios.run;

import dev.arbiter.kb.fact.Bar;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A finished run: every step, trade and fill, and the bars it ran over (for the charts).
 *
 * @param period     the bar period of the run's timeline (the first feed's)
 * @param closedOutCash cash after closing every entry still open at the end (at the last close, with
 *                      slippage and fees)
 * @param elapsedNanos wall time of the replay loop, decisions included
 */
public record RunResult(String scenario, double startingCash, Duration period, List<StepRecord> steps,
                        List<Trade> trades, List<Fill> fills, Map<String, List<Bar>> bars, double closedOutCash,
                        long elapsedNanos) {

    public double finalEquity() {
        return steps.isEmpty() ? startingCash : steps.get(steps.size() - 1).equity();
    }
}
