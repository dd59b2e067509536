package dev.arbiter.mlbridge.regime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.kb.fact.Bar;
import dev.arbiter.kb.fact.Regime;
import dev.arbiter.kb.fact.RegimeKind;
import dev.arbiter.mlbridge.marketdata.BarsReader;
import dev.arbiter.mlbridge.marketdata.EthUsdBars;
import dev.arbiter.mlbridge.marketdata.SharedData;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class RegimeDetectorTest {

    private final RegimeDetector detector = new RegimeDetector(RegimeSettings.DEFAULTS);
    private final List<Bar> eth = EthUsdBars.load();

    @Test
    void tooFewBarsGiveNoRegimeRatherThanAGuess() {
        assertThat(detector.detect(eth.subList(0, 60))).isEmpty();
        assertThat(detector.detect(eth.subList(0, 61))).isNotEmpty();
    }

    @Test
    void theEthRallyOfMarch14TrendsUpAndTheFallOfMarch15TrendsDownWithTheirEvidence() {
        List<Regime> rally = detector.detect(eth.subList(0, 260));
        List<Regime> fall = detector.detect(eth);

        assertThat(rally).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(RegimeKind.TRENDING_UP);
            assertThat(r.time()).isEqualTo(Instant.parse("2023-03-14T15:40:00Z"));
            assertThat(r.evidence()).startsWith("ADX(14) 39.4 (trend at >= 25), +DI 27.9, -DI 15.3, close 1765.47 above SMA(50)");
        });
        assertThat(fall).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(RegimeKind.TRENDING_DOWN);
            assertThat(r.evidence()).contains("close 1629.52 at or below SMA(50)");
        });
    }

    @Test
    void aQuietStretchRanges() {
        assertThat(detector.detect(eth.subList(0, 420))).extracting(Regime::kind).containsExactly(RegimeKind.RANGING);
    }

    @Test
    void blackThursday2020IsACrisisOnHourlyBtcButTheNightBeforeIsNot() throws Exception {
        Optional<Path> file = SharedData.file("roshan7869-algotrading/spot_1h/BTC_USDT-1h.csv");
        Assumptions.assumeTrue(file.isPresent(), "hourly BTC/USDT not found beside the repository; skipping");
        List<Bar> btc = BarsReader.read(file.get(), BarsReader.Options.forSymbol("BTC-USDT")).bars();
        int noon = indexOf(btc, "2020-03-12T12:00:00Z");

        List<Regime> before = detector.detect(btc.subList(0, noon - 11 + 1));
        List<Regime> during = detector.detect(btc.subList(0, noon + 1));

        assertThat(before).extracting(Regime::kind).containsExactly(RegimeKind.RANGING, RegimeKind.HIGH_VOLATILITY);
        assertThat(during).extracting(Regime::kind).containsExactly(RegimeKind.TRENDING_DOWN, RegimeKind.CRISIS);
        assertThat(during.get(1).evidence()).contains("is 9.54x its median").contains("39.4% below the highest close 9946.07");
    }

    static int indexOf(List<Bar> bars, String openTime) {
        Instant t = Instant.parse(openTime);
        for (int i = 0; i < bars.size(); i++) {
            if (bars.get(i).openTime().equals(t)) {
                return i;
            }
        }
        throw new AssertionError("no bar at " + openTime);
    }
}
