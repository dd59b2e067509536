package dev.arbiter.scenarios.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.kb.fact.Bar;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ShocksTest {

    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    private static final Duration H = Duration.ofHours(1);

    @Test
    void aGapMovesEveryPriceFromItsTimeOnAndNothingBefore() {
        List<Bar> bars = bars("A", 100, 101, 102, 103);
        List<Bar> gapped = Shocks.gap(bars, T0.plus(H.multipliedBy(2)), 0.7);
        assertEquals(bars.get(1), gapped.get(1));
        assertEquals(102 * 0.7, gapped.get(2).close().doubleValue(), 1e-9);
        assertEquals(101 * 0.7, gapped.get(2).open().doubleValue(), 1e-9, "the bar opens gapped from the previous close 101");
        assertEquals(103 * 0.7, gapped.get(3).close().doubleValue(), 1e-9);
    }

    @Test
    void aVolatilitySpikeMultipliesLogMovesInsideTheWindowAndKeepsThePathContinuousAfter() {
        List<Bar> bars = bars("A", 100, 110, 99, 100);
        List<Bar> spiked = Shocks.volatility(bars, T0.plus(H), T0.plus(H.multipliedBy(3)), 2);
        // bar 1: close 110 over previous close 100, log move doubled: 100 * 1.1^2 = 121
        assertEquals(121, spiked.get(1).close().doubleValue(), 1e-6);
        // bar 2: 99 / 110 = 0.9, squared: 121 * 0.81 = 98.01
        assertEquals(98.01, spiked.get(2).close().doubleValue(), 1e-6);
        // bar 3 is outside: scaled by the last ratio 98.01 / 99
        assertEquals(100 * 98.01 / 99, spiked.get(3).close().doubleValue(), 1e-6);
    }

    @Test
    void aStaleFeedDropsOnlyTheNamedSymbolsBarsAndAnOutageDropsAll() {
        Map<String, List<Bar>> bars = Map.of("A", bars("A", 1, 2, 3, 4), "B", bars("B", 1, 2, 3, 4));
        Shock stale = new Shock("stale", "stale-feed", T0.plus(H), T0.plus(H.multipliedBy(3)), 0, List.of("A"));
        Map<String, List<Bar>> staled = Shocks.apply(stale, bars);
        assertEquals(2, staled.get("A").size());
        assertEquals(4, staled.get("B").size());
        Shock outage = new Shock("outage", "outage", T0.plus(H), T0.plus(H.multipliedBy(3)), 0, List.of());
        Map<String, List<Bar>> out = Shocks.apply(outage, bars);
        assertEquals(2, out.get("A").size());
        assertEquals(2, out.get("B").size());
    }

    @Test
    void bootstrapPathsAreSeededKeepHistoryAndDrawTheSameBlocksForEverySymbol() {
        Map<String, List<Bar>> bars = new java.util.LinkedHashMap<>();
        bars.put("A", bars("A", 100, 101, 103, 102, 104, 108, 107, 109));
        bars.put("B", bars("B", 50, 50.5, 51.5, 51, 52, 54, 53.5, 54.5));
        Instant start = T0.plus(H.multipliedBy(2));
        Map<String, List<Bar>> one = BlockBootstrap.path(bars, start, 2, new SplittableRandom(7));
        Map<String, List<Bar>> again = BlockBootstrap.path(bars, start, 2, new SplittableRandom(7));
        assertEquals(one, again, "same seed, same path");
        assertEquals(bars.get("A").subList(0, 2), one.get("A").subList(0, 2), "history before the start stays real");
        assertEquals(bars.get("A").size(), one.get("A").size(), "as many bars as the real run");
        for (int i = 2; i < one.get("A").size(); i++) {
            double a = one.get("A").get(i).close().doubleValue() / one.get("A").get(i - 1).close().doubleValue();
            double b = one.get("B").get(i).close().doubleValue() / one.get("B").get(i - 1).close().doubleValue();
            assertEquals(a, b, 1e-6, "A and B are built from the same move (B is A at half the price)");
        }
    }

    @Test
    void varAndExpectedShortfallOfTwentyPaths() {
        List<Double> pnl = new ArrayList<>();
        List<Double> dd = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            pnl.add((double) (i - 5) * 100); // -400, -300, ..., 1500
            dd.add(i <= 3 ? 0.2 : 0.05);
        }
        OutcomeDistribution d = OutcomeDistribution.of(pnl, dd, 0.15);
        // 5 % of 20 paths is 1 path: the worst, -400. VaR = ES = 400.
        assertEquals(400, d.valueAtRisk95(), 1e-9);
        assertEquals(400, d.expectedShortfall95(), 1e-9);
        assertEquals(3 / 20.0, d.drawdownBreach(), 1e-12);
        assertEquals(550, d.meanPnl(), 1e-9);
        assertTrue(d.worstPnl() == -400 && d.bestPnl() == 1500);
    }

    private static List<Bar> bars(String symbol, double... closes) {
        List<Bar> bars = new ArrayList<>();
        double previous = closes[0];
        for (int i = 0; i < closes.length; i++) {
            double open = previous;
            double close = closes[i];
            bars.add(new Bar(symbol, T0.plus(H.multipliedBy(i)), H, BigDecimal.valueOf(open),
                    BigDecimal.valueOf(Math.max(open, close)), BigDecimal.valueOf(Math.min(open, close)),
                    BigDecimal.valueOf(close), BigDecimal.ONE));
            previous = close;
        }
        return bars;
    }
}
