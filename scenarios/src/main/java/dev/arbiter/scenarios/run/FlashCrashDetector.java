package dev.arbiter.scenarios.run;

import dev.arbiter.kb.fact.Anomaly;
import dev.arbiter.kb.fact.AnomalyKind;
import dev.arbiter.kb.fact.Bar;
import dev.arbiter.scenarios.spec.DetectorSpec;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Detects flash crashes in one instrument's bars for the L4 rules: the low at least {@code drop} below
 * the highest high of the last {@code lookbackBars} bars. A crash stays in force for {@code holdBars}
 * bars after the last bar that showed it, as a market does not calm down in the bar after a crash.
 * Sees only bars up to the decision (no look-ahead).
 */
final class FlashCrashDetector {

    private final DetectorSpec spec;
    private int lastCrashIndex = Integer.MIN_VALUE / 2;
    private String evidence = "";

    FlashCrashDetector(DetectorSpec spec) {
        this.spec = spec;
    }

    /** Looks at the bar at {@code index} (the newest the decision sees) and answers whether a crash is in force. */
    Optional<Anomaly> observe(List<Bar> bars, int index, Instant asOf) {
        if (!spec.enabled() || index < 0) {
            return Optional.empty();
        }
        Bar bar = bars.get(index);
        BigDecimal high = bar.high();
        for (int i = Math.max(0, index - spec.lookbackBars()); i < index; i++) {
            high = high.max(bars.get(i).high());
        }
        double drop = BigDecimal.ONE.subtract(bar.low().divide(high, MathContext.DECIMAL64)).doubleValue();
        if (drop >= spec.drop()) {
            lastCrashIndex = index;
            evidence = String.format(java.util.Locale.ROOT, "low %s is %.1f%% below the %d-bar high %s at %s",
                    bar.low().toPlainString(), 100 * drop, spec.lookbackBars() + 1, high.toPlainString(), bar.endTime());
        }
        if (index - lastCrashIndex <= spec.holdBars()) {
            return Optional.of(new Anomaly(bar.symbol(), AnomalyKind.FLASH_CRASH, asOf, evidence));
        }
        return Optional.empty();
    }
}
