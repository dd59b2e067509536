package dev.arbiter.mlbridge.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.kb.fact.Bar;
import dev.arbiter.mlbridge.marketdata.EthUsdBars;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every catalogue indicator, on the real ETH-USD bars: changing every bar after bar i leaves every
 * value at bars 0..i unchanged, and values streamed bar by bar equal values read after the fact.
 */
class NoLookAheadTest {

    private static final int I = 300;

    private final List<Bar> bars = EthUsdBars.load();
    private final FeatureSet everything = new FeatureSet("catalogue", IndicatorCatalogue.all().stream()
            .map(d -> Feature.parse(d.columnName(d.defaults()))).toList());

    @Test
    void changingEveryBarAfterIChangesNoFeatureAtOrBeforeI() {
        List<Bar> altered = new ArrayList<>(bars.subList(0, I + 1));
        for (Bar later : bars.subList(I + 1, bars.size())) {
            altered.add(scaled(later, new BigDecimal("1.37"), new BigDecimal("4")));
        }

        StreamingFeatures original = loaded(bars);
        StreamingFeatures changed = loaded(altered);

        List<String> differing = new ArrayList<>();
        for (int j = 0; j <= I; j++) {
            double[] a = original.valuesAt(j);
            double[] b = changed.valuesAt(j);
            for (int f = 0; f < a.length; f++) {
                if (Double.compare(a[f], b[f]) != 0) {
                    differing.add(everything.columns().get(f) + "@" + j);
                }
            }
        }
        assertThat(differing).as("features whose past depends on the future").isEmpty();
        assertThat(countDiffering(original.valuesAt(I + 50), changed.valuesAt(I + 50)))
                .as("the future change is visible after i, so the test can fail")
                .isGreaterThan(everything.features().size() / 2);
    }

    @Test
    void streamedValuesEqualValuesReadAfterTheFact() {
        StreamingFeatures streaming = new StreamingFeatures("ETH-USD", Duration.ofMinutes(5), everything);
        List<double[]> streamed = new ArrayList<>();
        for (Bar bar : bars) {
            streamed.add(streaming.accept(bar).values());
        }
        StreamingFeatures batch = loaded(bars);

        List<String> differing = new ArrayList<>();
        for (int j = 0; j < bars.size(); j++) {
            double[] after = batch.valuesAt(j);
            for (int f = 0; f < after.length; f++) {
                if (!sameWithinRounding(streamed.get(j)[f], after[f])) {
                    differing.add(everything.columns().get(f) + "@" + j + " " + streamed.get(j)[f] + "/" + after[f]);
                }
            }
        }
        assertThat(differing).isEmpty();
    }

    @Test
    void aStreamKeepingOnlyTheLatest150BarsGivesTheValuesOfAnUnboundedOne() {
        StreamingFeatures bounded = new StreamingFeatures("ETH-USD", Duration.ofMinutes(5), everything, 150);
        StreamingFeatures unbounded = new StreamingFeatures("ETH-USD", Duration.ofMinutes(5), everything, Integer.MAX_VALUE);

        List<String> differing = new ArrayList<>();
        for (Bar bar : bars) {
            double[] a = bounded.accept(bar).values();
            double[] b = unbounded.accept(bar).values();
            for (int f = 0; f < a.length; f++) {
                if (!sameWithinRounding(a[f], b[f])) {
                    differing.add(everything.columns().get(f) + "@" + unbounded.lastIndex() + " " + a[f] + "/" + b[f]);
                }
            }
        }
        assertThat(differing).isEmpty();
        assertThat(bounded.barCount()).isEqualTo(580);
        assertThat(bounded.lastIndex()).isEqualTo(579);
    }

    private StreamingFeatures loaded(List<Bar> series) {
        StreamingFeatures features = new StreamingFeatures("ETH-USD", Duration.ofMinutes(5), everything, Integer.MAX_VALUE);
        series.forEach(features::append);
        return features;
    }

    /** Equal, both NaN, or within 1e-9 relative: ta4j's running sums round differently by call order. */
    private static boolean sameWithinRounding(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.isNaN(a) && Double.isNaN(b);
        }
        return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }

    private static int countDiffering(double[] a, double[] b) {
        int n = 0;
        for (int f = 0; f < a.length; f++) {
            if (Double.compare(a[f], b[f]) != 0) {
                n++;
            }
        }
        return n;
    }

    static Bar scaled(Bar bar, BigDecimal price, BigDecimal volume) {
        return new Bar(bar.symbol(), bar.openTime(), bar.period(), bar.open().multiply(price), bar.high().multiply(price),
                bar.low().multiply(price), bar.close().multiply(price), bar.volume().multiply(volume));
    }
}
