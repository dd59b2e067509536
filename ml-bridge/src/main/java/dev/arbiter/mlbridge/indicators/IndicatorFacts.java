package dev.arbiter.mlbridge.indicators;

import dev.arbiter.kb.fact.Bar;
import dev.arbiter.kb.fact.IndicatorValue;
import dev.arbiter.mlbridge.marketdata.BarSeriesCheck;
import java.util.ArrayList;
import java.util.List;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.averages.EMAIndicator;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.HighPriceIndicator;
import org.ta4j.core.indicators.helpers.HighestValueIndicator;
import org.ta4j.core.indicators.helpers.PreviousValueIndicator;
import org.ta4j.core.num.DecimalNumFactory;
import org.ta4j.core.num.Num;

/**
 * Computes indicator values at the last bar of a series, as facts. An indicator still inside its
 * warm-up yields no fact at all: absence, not a made-up number.
 */
public final class IndicatorFacts {

    /**
     * The set the decision cycle uses: trend (SMA 20/50, EMA 20), momentum (RSI 14), volatility
     * (ATR 14) and the breakout level (highest high of the previous 20 bars).
     */
    public static final List<IndicatorSpec> DEFAULT_SET = List.of(
            new IndicatorSpec(IndicatorSpec.Kind.SMA, 20),
            new IndicatorSpec(IndicatorSpec.Kind.SMA, 50),
            new IndicatorSpec(IndicatorSpec.Kind.EMA, 20),
            new IndicatorSpec(IndicatorSpec.Kind.RSI, 14),
            new IndicatorSpec(IndicatorSpec.Kind.ATR, 14),
            new IndicatorSpec(IndicatorSpec.Kind.HIGHEST, 20));

    private final List<IndicatorSpec> specs;

    public IndicatorFacts(List<IndicatorSpec> specs) {
        this.specs = List.copyOf(specs);
    }

    /** Values at the last bar of {@code bars} (one instrument, in time order). */
    public List<IndicatorValue> atLastBar(List<Bar> bars) {
        BarSeriesCheck.requireOrderedSeries("bars", bars);
        BarSeries series = toSeries(bars);
        int last = series.getEndIndex();
        Bar lastBar = bars.get(bars.size() - 1);
        List<IndicatorValue> values = new ArrayList<>();
        for (IndicatorSpec spec : specs) {
            Indicator<Num> indicator = create(spec, series);
            if (last < warmUpBars(spec, indicator)) {
                continue;
            }
            double value = indicator.getValue(last).doubleValue();
            if (Double.isFinite(value)) {
                values.add(new IndicatorValue(lastBar.symbol(), spec.name(), lastBar.endTime(), value));
            }
        }
        return values;
    }

    /** Bars an indicator needs before its value means what its name says. */
    static int warmUpBars(IndicatorSpec spec, Indicator<Num> indicator) {
        int bars = spec.kind() == IndicatorSpec.Kind.HIGHEST ? spec.period() + 1 : spec.period();
        return Math.max(bars, indicator.getCountOfUnstableBars());
    }

    private static Indicator<Num> create(IndicatorSpec spec, BarSeries series) {
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        return switch (spec.kind()) {
            case SMA -> new SMAIndicator(close, spec.period());
            case EMA -> new EMAIndicator(close, spec.period());
            case RSI -> new RSIIndicator(close, spec.period());
            case ATR -> new ATRIndicator(series, spec.period());
            case HIGHEST -> new PreviousValueIndicator(new HighestValueIndicator(new HighPriceIndicator(series), spec.period()), 1);
        };
    }

    private static BarSeries toSeries(List<Bar> bars) {
        BarSeries series = new BaseBarSeriesBuilder()
                .withName(bars.get(0).symbol())
                .withNumFactory(DecimalNumFactory.getInstance())
                .build();
        for (Bar bar : bars) {
            series.barBuilder()
                    .timePeriod(bar.period())
                    .endTime(bar.endTime())
                    .openPrice(bar.open())
                    .highPrice(bar.high())
                    .lowPrice(bar.low())
                    .closePrice(bar.close())
                    .volume(bar.volume())
                    .add();
        }
        return series;
    }
}
