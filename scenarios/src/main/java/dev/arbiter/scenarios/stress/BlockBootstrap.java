package dev.arbiter.scenarios.stress;

import dev.arbiter.kb.fact.Bar;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Monte Carlo paths by moving-block bootstrap of real bars (Künsch 1989): the run's bars are cut into
 * every block of {@code blockBars} consecutive bars, blocks are drawn with replacement (seeded) and laid
 * end to end, each bar's open, high, low and close kept relative to the previous close. All symbols draw
 * the same blocks, so their co-movement survives, and so do volatility clusters within a block. The
 * history before {@code start} (the first decision windows) is kept real.
 */
public final class BlockBootstrap {

    private BlockBootstrap() {
    }

    /** One path; the bars of every symbol must share their open times from {@code start} on. */
    public static Map<String, List<Bar>> path(Map<String, List<Bar>> bars, Instant start, int blockBars, SplittableRandom random) {
        Map<String, List<Bar>> history = new LinkedHashMap<>();
        Map<String, List<double[]>> moves = new LinkedHashMap<>();
        int length = Integer.MAX_VALUE;
        for (Map.Entry<String, List<Bar>> e : bars.entrySet()) {
            List<Bar> before = new ArrayList<>();
            List<double[]> relative = new ArrayList<>();
            double previous = Double.NaN;
            for (Bar b : e.getValue()) {
                if (b.openTime().isBefore(start)) {
                    before.add(b);
                } else if (!Double.isNaN(previous)) {
                    relative.add(new double[] {b.open().doubleValue() / previous, b.high().doubleValue() / previous,
                            b.low().doubleValue() / previous, b.close().doubleValue() / previous});
                }
                previous = b.close().doubleValue();
            }
            if (before.isEmpty()) {
                throw new IllegalArgumentException("bars of " + e.getKey() + " have no history before " + start);
            }
            history.put(e.getKey(), before);
            moves.put(e.getKey(), relative);
            length = Math.min(length, relative.size());
        }
        int block = Math.max(1, Math.min(blockBars, length));
        List<Integer> indices = new ArrayList<>(length);
        while (indices.size() < length) {
            int first = random.nextInt(length - block + 1);
            for (int i = first; i < first + block && indices.size() < length; i++) {
                indices.add(i);
            }
        }
        Map<String, List<Bar>> path = new LinkedHashMap<>();
        for (Map.Entry<String, List<Bar>> e : history.entrySet()) {
            List<Bar> out = new ArrayList<>(e.getValue());
            Bar last = out.get(out.size() - 1);
            double close = last.close().doubleValue();
            Instant open = last.openTime().plus(last.period());
            for (int index : indices) {
                double[] m = moves.get(e.getKey()).get(index);
                double o = close * m[0];
                double c = close * m[3];
                double h = Math.max(close * m[1], Math.max(o, c));
                double l = Math.min(close * m[2], Math.min(o, c));
                out.add(new Bar(e.getKey(), open, last.period(), Shocks.price(o), Shocks.price(h), Shocks.price(l),
                        Shocks.price(c), last.volume()));
                close = c;
                open = open.plus(last.period());
            }
            path.put(e.getKey(), out);
        }
        return path;
    }
}
