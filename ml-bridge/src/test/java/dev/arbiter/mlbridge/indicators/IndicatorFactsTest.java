package dev.arbiter.mlbridge.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.arbiter.kb.fact.Bar;
import dev.arbiter.kb.fact.IndicatorValue;
import dev.arbiter.mlbridge.marketdata.EthUsdBars;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class IndicatorFactsTest {

    private final IndicatorFacts indicators = new IndicatorFacts(IndicatorFacts.DEFAULT_SET);
    private final List<Bar> bars = EthUsdBars.load();

    @Test
    void smaIsTheMeanOfTheLastTwentyClosesOnRealData() {
        List<Bar> window = bars.subList(0, 200);

        Map<String, Double> values = byName(indicators.atLastBar(window));

        double expected = window.subList(180, 200).stream()
                .mapToDouble(b -> b.close().doubleValue()).average().orElseThrow();
        assertThat(values.get("sma_20")).isCloseTo(expected, within(1e-9));
        assertThat(values.keySet()).containsExactlyInAnyOrderElementsOf(IndicatorFacts.DEFAULT_SET.columns());
        double highestBefore = window.subList(179, 199).stream()
                .mapToDouble(b -> b.high().doubleValue()).max().orElseThrow();
        assertThat(values.get("highest_20")).isEqualTo(highestBefore);
        double lowestBefore = window.subList(179, 199).stream()
                .mapToDouble(b -> b.low().doubleValue()).min().orElseThrow();
        assertThat(values.get("lowest_20")).isEqualTo(lowestBefore);
        assertThat(values.get("rsi_14")).isBetween(0.0, 100.0);
        assertThat(values.get("atr_14")).isPositive();
    }

    @Test
    void lowestIsTheBreakdownLevelTheLastBarIsComparedWith() {
        List<Bar> window = new ArrayList<>(bars.subList(0, 200));
        Bar last = window.get(199);
        BigDecimal crash = last.low().multiply(new BigDecimal("0.9"));
        window.set(199, new Bar(last.symbol(), last.openTime(), last.period(), last.open(), last.high(), crash, crash,
                last.volume()));

        double lowest = byName(indicators.atLastBar(window)).get("lowest_20");

        double lowestBefore = window.subList(179, 199).stream()
                .mapToDouble(b -> b.low().doubleValue()).min().orElseThrow();
        assertThat(lowest).isEqualTo(lowestBefore).isGreaterThan(crash.doubleValue());
    }

    @Test
    void yieldsNoValueDuringWarmUp() {
        Map<String, Double> values = byName(indicators.atLastBar(bars.subList(0, 30)));

        assertThat(values).containsKeys("sma_20").doesNotContainKeys("sma_50", "macdsignal_12_26_9");
    }

    @Test
    void valueAtABarDoesNotDependOnLaterBars() {
        List<Bar> upToI = bars.subList(0, 300);
        List<Bar> alteredFuture = new ArrayList<>(bars.subList(0, 300));
        for (Bar later : bars.subList(300, 400)) {
            BigDecimal p = later.close().multiply(new BigDecimal("3"));
            alteredFuture.add(new Bar(later.symbol(), later.openTime(), later.period(), p, p, p, p, later.volume()));
        }

        List<IndicatorValue> atI = indicators.atLastBar(upToI);
        List<IndicatorValue> atIWithFutureKnown = new IndicatorFacts(IndicatorFacts.DEFAULT_SET)
                .atLastBar(alteredFuture.subList(0, 300));

        assertThat(atIWithFutureKnown).isEqualTo(atI);
        assertThat(byName(indicators.atLastBar(alteredFuture)).get("sma_20"))
                .isNotEqualTo(byName(atI).get("sma_20"));
    }

    private static Map<String, Double> byName(List<IndicatorValue> values) {
        return values.stream().collect(Collectors.toMap(IndicatorValue::name, IndicatorValue::value));
    }
}
