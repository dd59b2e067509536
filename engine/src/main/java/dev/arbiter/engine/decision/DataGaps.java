package dev.arbiter.engine.decision;

import dev.arbiter.kb.fact.Anomaly;
import dev.arbiter.kb.fact.AnomalyKind;
import dev.arbiter.kb.fact.Bar;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Missing bars in a checked series become DATA_GAP anomalies, one per gap, with the bars it lacks. */
final class DataGaps {

    private DataGaps() {
    }

    static List<Anomaly> in(List<Bar> bars) {
        List<Anomaly> gaps = new ArrayList<>();
        for (int i = 1; i < bars.size(); i++) {
            Bar previous = bars.get(i - 1);
            Bar bar = bars.get(i);
            Duration between = Duration.between(previous.endTime(), bar.openTime());
            if (between.isPositive()) {
                long missing = between.dividedBy(bar.period());
                gaps.add(new Anomaly(bar.symbol(), AnomalyKind.DATA_GAP, bar.openTime(),
                        (missing == 0 ? "less than one" : String.valueOf(missing)) + " bar" + (missing == 1 ? "" : "s")
                                + " missing between " + previous.endTime() + " and " + bar.openTime()));
            }
        }
        return gaps;
    }
}
