package dev.arbiter.mlbridge.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.kb.fact.Bar;
import dev.arbiter.mlbridge.marketdata.BarsReader;
import dev.arbiter.mlbridge.marketdata.EthUsdBars;
import dev.arbiter.mlbridge.marketdata.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The {@code talib} set against the TA-Lib Java port on real bars. Recursive indicators (EMA, RSI,
 * MACD, ATR, ADX) are seeded differently (ta4j from the first bar, TA-Lib from an SMA of the first
 * period), so they are compared after a convergence window of {@value #CONVERGENCE} bars; the others
 * from the first bar where both have a value. OBV is defined up to its start: ta4j starts at 0, TA-Lib
 * at the first bar's volume, which is added before comparing. The relative error divides by the
 * larger magnitude of the two values, at least 1% of the column's median magnitude.
 *
 * <p>Run with {@code -Darbiter.docs.write=true} to rewrite the agreement table in
 * {@code docs/indicators.md}.
 */
class TaLibAgreementTest {

    static final int CONVERGENCE = 250;
    private static final Set<String> RECURSIVE = Set.of("ema_20", "rsi_14", "macd_12_26_9", "macdsignal_12_26_9",
            "macdhist_12_26_9", "atr_14", "adx_14");
    private static final double MAX_RELATIVE_ERROR = 1e-5;

    record Agreement(String data, String column, int from, int compared, double maxAbs, double maxRel, double seedingMaxRel) {
    }

    @Test
    void agreesWithTaLibOnTheRealEthUsdBars() throws IOException {
        List<Agreement> rows = agreement("ETH-USD 5m (ta4j-examples), 580 bars", EthUsdBars.load());
        assertAgreement(rows);
        write("eth", rows);
    }

    @Test
    void agreesWithTaLibOnEightYearsOfHourlyBtcUsdt() throws IOException {
        List<Bar> bars = shared("roshan7869-algotrading/spot_1h/BTC_USDT-1h.csv", "BTC-USDT");
        List<Agreement> rows = agreement("BTC/USDT 1h (Binance), " + bars.size() + " bars", bars);
        assertAgreement(rows);
        write("btc1h", rows);
    }

    @Test
    void agreesWithTaLibOnNinetyDaysOfMinuteBtcUsdt() throws IOException {
        // The first 50,000 minutes (about 35 days) keep the run short; the file has 130,708.
        List<Bar> bars = shared("filimonov-eremeyka-freqtrade/BTC_USDT-1m.csv", "BTC-USDT").subList(0, 50_000);
        List<Agreement> rows = agreement("BTC/USDT 1m (Binance), " + bars.size() + " bars", bars);
        assertAgreement(rows);
        write("btc1m", rows);
    }

    private static List<Bar> shared(String relative, String symbol) throws IOException {
        Optional<Path> file = SharedData.file(relative);
        Assumptions.assumeTrue(file.isPresent(), "real data " + relative + " not found beside the repository (set "
                + SharedData.VARIABLE + "); skipping");
        return BarsReader.read(file.get(), BarsReader.Options.forSymbol(symbol)).bars();
    }

    static List<Agreement> agreement(String data, List<Bar> bars) {
        FeatureSet set = FeatureSets.builtIn().get("talib");
        StreamingFeatures features = new StreamingFeatures(bars.get(0).symbol(), bars.get(0).period(), set);
        double[][] ours = new double[set.features().size()][bars.size()];
        for (int i = 0; i < bars.size(); i++) {
            double[] values = features.accept(bars.get(i)).values();
            for (int f = 0; f < values.length; f++) {
                ours[f][i] = values[f];
            }
        }
        TaLibReference talib = new TaLibReference(bars);
        Map<String, double[]> reference = talib.columns();
        List<Agreement> rows = new ArrayList<>();
        for (int f = 0; f < set.columns().size(); f++) {
            String column = set.columns().get(f);
            double[] a = ours[f].clone();
            double[] b = reference.get(column);
            if (column.equals("obv")) {
                for (int i = 0; i < a.length; i++) {
                    a[i] += talib.firstVolume();
                }
            }
            int bothFrom = firstBoth(a, b);
            double floor = 0.01 * medianMagnitude(b);
            int from = RECURSIVE.contains(column) ? Math.max(bothFrom, CONVERGENCE) : bothFrom;
            double maxAbs = 0;
            double maxRel = 0;
            int compared = 0;
            double seeding = 0;
            for (int i = bothFrom; i < a.length; i++) {
                if (Double.isNaN(a[i]) || Double.isNaN(b[i])) {
                    continue;
                }
                double abs = Math.abs(a[i] - b[i]);
                double rel = relative(a[i], b[i], floor);
                if (i < from) {
                    seeding = Math.max(seeding, rel);
                    continue;
                }
                compared++;
                maxAbs = Math.max(maxAbs, abs);
                maxRel = Math.max(maxRel, rel);
            }
            rows.add(new Agreement(data, column, from, compared, maxAbs, maxRel, seeding));
        }
        return rows;
    }

    /**
     * |a - b| over the larger of |a|, |b| and 1% of the column's median magnitude, so an oscillator
     * crossing zero (the MACD histogram) is not divided by nothing.
     */
    private static double relative(double a, double b, double floor) {
        double scale = Math.max(Math.max(Math.abs(a), Math.abs(b)), floor);
        return scale == 0 ? 0 : Math.abs(a - b) / scale;
    }

    private static double medianMagnitude(double[] values) {
        double[] defined = java.util.Arrays.stream(values).filter(v -> !Double.isNaN(v)).map(Math::abs).sorted().toArray();
        return defined.length == 0 ? 0 : defined[defined.length / 2];
    }

    private static int firstBoth(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            if (!Double.isNaN(a[i]) && !Double.isNaN(b[i])) {
                return i;
            }
        }
        throw new AssertionError("no bar where both have a value");
    }

    private static void assertAgreement(List<Agreement> rows) {
        assertThat(rows).hasSize(19);
        for (Agreement row : rows) {
            assertThat(row.compared()).as(row.column()).isPositive();
            // TA-Lib keeps MFI's money-flow sums as running totals (add the new bar, subtract the old);
            // their rounding grows with the series' length: 2.5e-15 on 580 bars, ~5e-7 on 73k hours.
            double tolerance = row.column().equals("mfi_14") ? 1e-4 : MAX_RELATIVE_ERROR;
            assertThat(row.maxRel()).as(row.column() + " max relative error after bar " + row.from()).isLessThan(tolerance);
        }
    }

    /** Writes the rows as a Markdown table to {@code target/talib-<name>.md}, for the docs. */
    private static void write(String name, List<Agreement> rows) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("**").append(rows.get(0).data()).append("**\n\n");
        md.append("| column | compared from bar | bars compared | max abs error | max rel error | max rel error before convergence |\n");
        md.append("|---|---|---|---|---|---|\n");
        for (Agreement r : rows) {
            md.append(String.format(Locale.ROOT, "| `%s` | %d | %d | %.3g | %.3g | %s |%n", r.column(), r.from(), r.compared(),
                    r.maxAbs(), r.maxRel(), RECURSIVE.contains(r.column()) ? String.format(Locale.ROOT, "%.3g", r.seedingMaxRel()) : "n/a"));
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "talib-" + name + ".md"), md);
    }
}
