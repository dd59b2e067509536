package dev.arbiter.mlbridge.regime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.kb.fact.Anomaly;
import dev.arbiter.kb.fact.AnomalyKind;
import dev.arbiter.kb.fact.Bar;
import dev.arbiter.mlbridge.marketdata.BarsReader;
import dev.arbiter.mlbridge.marketdata.EthUsdBars;
import dev.arbiter.mlbridge.marketdata.SharedData;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class AnomalyDetectorTest {

    private final AnomalyDetector detector = new AnomalyDetector(AnomalySettings.DEFAULTS);
    private final List<Bar> eth = EthUsdBars.load();

    @Test
    void theRealEthBarsAtTheirLastCloseHaveNoAnomaly() {
        Bar last = eth.get(eth.size() - 1);
        assertThat(detector.detect(eth, last.endTime())).isEmpty();
    }

    @Test
    void aFeedThreePeriodsOldIsStale() {
        Bar last = eth.get(eth.size() - 1);

        assertThat(detector.detect(eth, last.endTime().plus(Duration.ofMinutes(14)))).isEmpty();
        assertThat(detector.detect(eth, last.endTime().plus(Duration.ofMinutes(15))))
                .singleElement().satisfies(a -> {
                    assertThat(a.kind()).isEqualTo(AnomalyKind.STALE_FEED);
                    assertThat(a.evidence()).isEqualTo("last bar ended 2023-03-15T18:20:00Z, 900 s before the decision time "
                            + "(3 periods of PT5M; stale at 3)");
                });
    }

    @Test
    void missingBarsAreADataGapNamingHowMany() {
        List<Bar> withGap = new ArrayList<>(eth.subList(0, 100));
        withGap.addAll(eth.subList(103, 200));

        assertThat(AnomalyDetector.gaps(withGap)).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AnomalyKind.DATA_GAP);
            assertThat(a.evidence()).isEqualTo("3 bars missing between 2023-03-14T02:20:00Z and 2023-03-14T02:35:00Z");
        });
    }

    @Test
    void aSixPercentFallInTheLastBarsIsAFlashCrashButTheSameFallLongAgoIsNot() {
        List<Bar> crashed = new ArrayList<>(eth.subList(0, 300));
        Bar last = crashed.remove(299);
        BigDecimal low = last.open().multiply(new BigDecimal("0.94"));
        crashed.add(new Bar(last.symbol(), last.openTime(), last.period(), last.open(), last.open(), low, low, last.volume()));

        List<Anomaly> now = detector.detect(crashed, crashed.get(299).endTime());
        List<Anomaly> later = detector.detect(append(crashed, eth.subList(300, 320)), eth.get(319).endTime());

        assertThat(now).extracting(Anomaly::kind).containsExactly(AnomalyKind.FLASH_CRASH);
        assertThat(now.get(0).evidence()).startsWith("close fell 6.98% from 1754.43 (bar ending 2023-03-14T18:35:00Z) to 1631.9904");
        assertThat(later).isEmpty();
    }

    @Test
    void blackThursday2020FlashCrashesOnHourlyBtc() throws Exception {
        Optional<Path> file = SharedData.file("roshan7869-algotrading/spot_1h/BTC_USDT-1h.csv");
        Assumptions.assumeTrue(file.isPresent(), "hourly BTC/USDT not found beside the repository; skipping");
        List<Bar> btc = BarsReader.read(file.get(), BarsReader.Options.forSymbol("BTC-USDT")).bars();
        int at = RegimeDetectorTest.indexOf(btc, "2020-03-12T12:00:00Z");

        List<Anomaly> anomalies = detector.detect(btc.subList(at - 500, at + 1), btc.get(at).endTime());

        // The window also holds a real Binance outage (a DATA_GAP); the crash is the news.
        assertThat(anomalies).filteredOn(a -> a.kind() == AnomalyKind.FLASH_CRASH).singleElement()
                .satisfies(a -> assertThat(a.evidence()).startsWith("close fell 18.45% from 7392.13"));
    }

    private static List<Bar> append(List<Bar> a, List<Bar> b) {
        List<Bar> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
