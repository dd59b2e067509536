package dev.arbiter.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.kb.fact.Bar;
import dev.arbiter.scenarios.compare.ComparisonTable;
import dev.arbiter.scenarios.compare.RiskLayerComparison;
import dev.arbiter.scenarios.data.DataRoot;
import dev.arbiter.scenarios.data.ScenarioData;
import dev.arbiter.scenarios.report.RuleActivity;
import dev.arbiter.scenarios.spec.ScenarioFiles;
import dev.arbiter.scenarios.spec.ScenarioSpec;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shipped perpetual crash scenarios on Binance's real BTC-USDT perpetual candles and funding rates: a 10x long
 * (notional 100,000 on 10,000) opened before the crash, with a stop 15 % below, is liquidated by the simulated venue
 * when the risk layers are off; with them on it is cut to the largest order value the layers allow (about 5x) and its
 * stop closes it before the liquidation price is reached. Skipped without the shared data.
 *
 * <p>Liquidation prices checked by hand with Binance's formula, LP = (WB + cum &minus; Q &times; EP) / (Q &times;
 * MMR &minus; Q), notional at LP in the 50,000..250,000 bracket (MMR 0.5 %, cum = 50,000 &times; (0.005 &minus;
 * 0.004) = 50):
 * <ul>
 *   <li>2020-03-12: Q = 12.462 BTC bought at 7,948.49226 (the 01:00 open 7,944.52 plus 0.05 % slippage), WB = 10,000
 *   &minus; fee 49.53 &minus; funding 9.80 (03-11 08:00, 0.01 % at 7,865.69) &minus; 22.22 (16:00, 0.022898 % at
 *   7,785.52) &minus; 10.46 (03-12 00:00) &minus; 9.22 (08:00) = 9,898.78; LP = (9,898.78 + 50 &minus; 99,054.11) /
 *   (0.06231 &minus; 12.462) = 7,186.09. The 10:00 bar (open 7,358.51, low 5,199.17) crosses it; the maintenance
 *   margin there, 89,553.10 &times; 0.005 &minus; 50 = 397.77, is lost; nothing of the 10,000 is left.</li>
 *   <li>2025-10-10: Q = 0.813 BTC at 121,743.0411, WB = 10,000 &minus; 49.49 &minus; 3.81 &minus; 0.98 = 9,945.72;
 *   LP = (9,945.72 + 50 &minus; 98,977.09) / (0.004065 &minus; 0.813) = 109,998.17, crossed by the 21:00 bar's wick to
 *   101,516.5 (open 114,200.4); margin lost 397.14.</li>
 * </ul>
 */
class PerpetualCrashIT {

    private static Map<String, ScenarioSpec> specs;
    private static Map<String, Map<String, List<Bar>>> bars;

    @BeforeAll
    static void data() throws IOException {
        Assumptions.assumeTrue(DataRoot.find().isPresent(), "shared market data not found: set ARBITER_DATA_DIR to the "
                + "folder holding roshan7869-algotrading/futures (the repository's ../shared/data)");
        specs = new java.util.HashMap<>();
        bars = new java.util.HashMap<>();
        for (String name : List.of("perp-crash-2020-03-12", "perp-cascade-2025-10-10")) {
            ScenarioSpec spec = ScenarioFiles.read(Path.of("shipped", name + ".yaml"));
            specs.put(name, spec);
            bars.put(name, ScenarioData.load(spec));
        }
    }

    static List<Arguments> crashes() {
        return List.of(
                Arguments.of("perp-crash-2020-03-12", "2020-03-12T10:00:00Z", "7186.09", "5199.17", "397.77", "-75.43 %"),
                Arguments.of("perp-cascade-2025-10-10", "2025-10-10T21:00:00Z", "109998.17", "101516.5", "397.14",
                        "-75.04 %"));
    }

    @ParameterizedTest
    @MethodSource("crashes")
    void tenfoldLongIsLiquidatedWithoutTheRiskLayers(String name, String at, String price, String extreme, String lost,
                                                     String withLayers) {
        ScenarioSpec spec = specs.get(name);
        RunResult run = Scenarios.run(spec.withRules(spec.rules().withRiskLayers(false)), bars.get(name));

        assertThat(run.margin().liquidations()).singleElement().satisfies(l -> {
            assertThat(l.at()).isEqualTo(Instant.parse(at));
            assertThat(l.liquidationPrice()).isCloseTo(new BigDecimal(price), org.assertj.core.data.Offset.offset(new BigDecimal("0.01")));
            assertThat(l.adversePrice()).isEqualByComparingTo(extreme);
            assertThat(l.marginLost()).isCloseTo(new BigDecimal(lost), org.assertj.core.data.Offset.offset(new BigDecimal("0.01")));
            assertThat(l.quantity().multiply(l.entryPrice())).isGreaterThan(new BigDecimal("98000")); // 10x of 10,000
        });
        assertThat(run.trades()).singleElement().satisfies(t -> assertThat(t.exit()).isEqualTo("liquidation"));
        assertThat(run.margin().closestDistance()).isEqualByComparingTo("0");
        // cross margin on the whole wallet: the liquidation takes all of it
        assertThat(run.finalEquity()).isCloseTo(0.0, org.assertj.core.data.Offset.offset(1e-6));
    }

    @ParameterizedTest
    @MethodSource("crashes")
    void tenfoldLongIsCutAndStoppedBeforeLiquidationWithTheRiskLayers(String name, String at, String price,
                                                                      String extreme, String lost, String withLayers) {
        ScenarioSpec spec = specs.get(name);
        RunResult run = Scenarios.run(spec.withRules(spec.rules().withRiskLayers(true)), bars.get(name));

        assertThat(run.margin().liquidations()).isEmpty();
        // cut to the maximum order value, 50,000 (5x instead of 10x), and closed by its stop on the way down
        assertThat(RuleActivity.of(run).caps()).containsKey("L7 L7-MAX-ORDER-VALUE");
        assertThat(run.trades()).singleElement().satisfies(t -> {
            assertThat(t.exit()).isEqualTo("stop");
            assertThat(t.quantity() * t.entryPrice()).isBetween(49_000.0, 50_000.0);
            assertThat(t.exitTime()).isBeforeOrEqualTo(Instant.parse(at));
        });
        assertThat(run.margin().closestDistance()).isPositive();
        assertThat(run.finalEquity()).isBetween(2_000.0, 3_000.0);
    }

    @ParameterizedTest
    @MethodSource("crashes")
    void comparisonShowsBothSideBySide(String name, String at, String price, String extreme, String lost,
                                       String withLayers) {
        RiskLayerComparison comparison = RiskLayerComparison.of(specs.get(name), bars.get(name));

        assertThat(comparison.withRiskMargin().liquidations()).isEmpty();
        assertThat(comparison.withoutRiskMargin().liquidations()).hasSize(1);
        assertThat(ComparisonTable.markdown(List.of(comparison)))
                .contains("| liquidations | closest to liquidation | funding paid | funding received |")
                .contains("| " + name + " | with | " + withLayers + " |")
                .contains("| " + name + " | without | -100.00 % |");
    }
}
