package dev.arbiter.scenarios.stress;

import dev.arbiter.kb.fact.Bar;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Applies a {@link Shock} to real bars, returning new bars (the originals are left alone). */
public final class Shocks {

    private Shocks() {
    }

    public static Map<String, List<Bar>> apply(Shock shock, Map<String, List<Bar>> bars) {
        Map<String, List<Bar>> shocked = new LinkedHashMap<>();
        bars.forEach((symbol, series) -> {
            boolean hit = shock.kind().equals("outage") || shock.kind().equals("correlated-crash") || shock.hits(symbol);
            shocked.put(symbol, hit ? apply(shock, series) : series);
        });
        return shocked;
    }

    private static List<Bar> apply(Shock shock, List<Bar> series) {
        return switch (shock.kind()) {
            case "gap", "correlated-crash" -> gap(series, shock.from(), 1 + shock.size());
            case "volatility" -> volatility(series, shock.from(), shock.to(), shock.size());
            case "stale-feed", "outage" -> series.stream()
                    .filter(b -> b.openTime().isBefore(shock.from()) || !b.openTime().isBefore(shock.to())).toList();
            default -> throw new IllegalArgumentException("kind: '" + shock.kind() + "' is not accepted; expected one of " + Shock.KINDS);
        };
    }

    /** Every price from {@code at} on is multiplied by {@code factor}: the bar at {@code at} opens gapped. */
    static List<Bar> gap(List<Bar> series, Instant at, double factor) {
        List<Bar> out = new ArrayList<>(series.size());
        for (Bar b : series) {
            out.add(b.openTime().isBefore(at) ? b : scaled(b, p -> p * factor));
        }
        return out;
    }

    /**
     * Inside the window every price's log distance from the previous close is multiplied by {@code factor};
     * after it, prices continue from where the amplified path ended (scaled by its last ratio).
     */
    static List<Bar> volatility(List<Bar> series, Instant from, Instant to, double factor) {
        List<Bar> out = new ArrayList<>(series.size());
        double ratio = 1; // new price / old price at the previous close
        double previousClose = Double.NaN;
        for (Bar b : series) {
            boolean inside = !b.openTime().isBefore(from) && b.openTime().isBefore(to);
            if (inside && !Double.isNaN(previousClose)) {
                double oldPrevious = previousClose;
                double newPrevious = previousClose * ratio;
                Bar amplified = scaled(b, p -> newPrevious * Math.pow(p / oldPrevious, factor));
                ratio = amplified.close().doubleValue() / b.close().doubleValue();
                out.add(amplified);
            } else {
                double r = ratio;
                out.add(r == 1 ? b : scaled(b, p -> p * r));
            }
            previousClose = b.close().doubleValue();
        }
        return out;
    }

    private static Bar scaled(Bar b, java.util.function.DoubleUnaryOperator f) {
        double open = f.applyAsDouble(b.open().doubleValue());
        double close = f.applyAsDouble(b.close().doubleValue());
        double high = Math.max(f.applyAsDouble(b.high().doubleValue()), Math.max(open, close));
        double low = Math.min(f.applyAsDouble(b.low().doubleValue()), Math.min(open, close));
        return new Bar(b.symbol(), b.openTime(), b.period(), price(open), price(high), price(low), price(close), b.volume());
    }

    static BigDecimal price(double value) {
        return BigDecimal.valueOf(Math.max(value, 1e-8)).setScale(8, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }
}
