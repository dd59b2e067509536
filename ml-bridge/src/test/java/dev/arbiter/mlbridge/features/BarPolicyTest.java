package dev.arbiter.mlbridge.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.kb.InvalidFactException;
import dev.arbiter.kb.fact.Bar;
import dev.arbiter.mlbridge.marketdata.EthUsdBars;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad bars get a clear error and leave everything accepted before as it was. */
class BarPolicyTest {

    private final List<Bar> bars = EthUsdBars.load();
    private final FeatureSet set = FeatureSets.builtIn().get("default");

    @Test
    void anOutOfOrderBarIsRejectedAndTheStreamCarriesOnAsIfItNeverCame() {
        StreamingFeatures stream = streamOf(100);
        StreamingFeatures clean = streamOf(100);

        assertThatThrownBy(() -> stream.accept(bars.get(50)))
                .isInstanceOf(InvalidFactException.class)
                .hasMessageContaining("bars[100].openTime")
                .hasMessageContaining("time order");

        assertThat(stream.barCount()).isEqualTo(100);
        assertThat(stream.accept(bars.get(100)).values()).isEqualTo(clean.accept(bars.get(100)).values());
    }

    @Test
    void anIdenticalRepeatIsIgnoredAndFlaggedAConflictingOneIsRejected() {
        StreamingFeatures stream = streamOf(100);
        Bar last = bars.get(99);

        FeatureUpdate repeat = stream.accept(last);
        assertThat(repeat.flags()).extracting(BarFlag::kind).containsExactly(BarFlag.Kind.DUPLICATE);
        assertThat(stream.barCount()).isEqualTo(100);

        Bar conflicting = new Bar(last.symbol(), last.openTime(), last.period(), last.open(), last.high(), last.low(),
                last.low(), last.volume());
        assertThatThrownBy(() -> stream.accept(conflicting))
                .hasMessageContaining("bars[100].openTime")
                .hasMessageContaining("duplicate bar");
        assertThat(stream.barCount()).isEqualTo(100);
    }

    @Test
    void aGapIsAcceptedAndFlaggedWithTheMissingBars() {
        StreamingFeatures stream = streamOf(100);

        FeatureUpdate afterGap = stream.accept(bars.get(103));

        assertThat(afterGap.flags()).singleElement().satisfies(flag -> {
            assertThat(flag.kind()).isEqualTo(BarFlag.Kind.GAP);
            assertThat(flag.detail()).startsWith("3 bars missing between 2023-03-14T02:20:00Z");
        });
        assertThat(stream.gapCount()).isEqualTo(1);
    }

    @Test
    void anotherSymbolOrPeriodIsRejectedNamingTheField() {
        StreamingFeatures stream = streamOf(10);
        Bar next = bars.get(10);

        assertThatThrownBy(() -> stream.accept(new Bar("BTC-USD", next.openTime(), next.period(), next.open(), next.high(),
                next.low(), next.close(), next.volume())))
                .hasMessageContaining("bars[10].symbol: 'BTC-USD' is not accepted; expected the stream's symbol 'ETH-USD'");
        assertThatThrownBy(() -> stream.accept(new Bar("ETH-USD", next.openTime(), Duration.ofMinutes(1), next.open(),
                next.high(), next.low(), next.close(), next.volume())))
                .hasMessageContaining("bars[10].period");
    }

    @Test
    void impossiblePricesNeverReachTheStream() {
        Bar b = bars.get(0);
        assertThatThrownBy(() -> new Bar("ETH-USD", b.openTime(), b.period(), BigDecimal.ZERO, b.high(), b.low(), b.close(), b.volume()))
                .hasMessageContaining("Bar.open: 0 is not accepted");
        assertThatThrownBy(() -> new Bar("ETH-USD", b.openTime(), b.period(), b.open(), new BigDecimal("-1"), b.low(), b.close(), b.volume()))
                .hasMessageContaining("Bar.high: -1 is not accepted");
        assertThatThrownBy(() -> new Bar("ETH-USD", b.openTime(), b.period(), b.open(), b.low(), b.high(), b.close(), b.volume()))
                .hasMessageContaining("Bar.high")
                .hasMessageContaining(">= low");
    }

    @Test
    void warmUpYieldsNothingThenTheValueAppearsAtTheDeclaredBar() {
        StreamingFeatures stream = new StreamingFeatures("ETH-USD", Duration.ofMinutes(5), set);
        int[] warmUps = stream.warmUps();
        int macdSignal = set.columns().indexOf("macdsignal_12_26_9");
        for (int i = 0; i < bars.size(); i++) {
            double[] values = stream.accept(bars.get(i)).values();
            for (int f = 0; f < values.length; f++) {
                if (i < warmUps[f]) {
                    assertThat(values[f]).as("%s at bar %d, warm-up %d", set.columns().get(f), i, warmUps[f]).isNaN();
                } else {
                    assertThat(values[f]).as("%s at bar %d", set.columns().get(f), i).isFinite();
                }
            }
        }
        assertThat(warmUps[macdSignal]).isGreaterThanOrEqualTo(26 + 9 - 2);
    }

    private StreamingFeatures streamOf(int count) {
        StreamingFeatures stream = new StreamingFeatures("ETH-USD", Duration.ofMinutes(5), set);
        bars.subList(0, count).forEach(stream::accept);
        return stream;
    }
}
