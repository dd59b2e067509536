package dev.arbiter.mlbridge.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.kb.fact.Bar;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every bar format, read from real data: the shared market-data folder when it is there, and otherwise the real
 * ETH-USD 5-minute bars and Bitstamp trades of {@code org.ta4j:ta4j-examples}, written in each format by the test.
 */
class BarsReaderTest {

    private static final List<Bar> ETH = EthUsdBars.load();

    private static BarsReader.Options eth() {
        return BarsReader.Options.forSymbol("ETH-USD");
    }

    private static BarFile read(String content, String name, BarsReader.Options options) {
        return BarsReader.read(content.getBytes(StandardCharsets.UTF_8), name, options);
    }

    // --- real files -------------------------------------------------------------------------------------------------

    @Test
    void readsTheRealBinanceHourlyCsvWithAHeader() throws IOException {
        Path file = shared("roshan7869-algotrading/spot_1h/BTC_USDT-1h.csv");

        BarFile bars = BarsReader.read(file, BarsReader.Options.forSymbol("BTC-USDT"));

        assertThat(bars.format()).isEqualTo(BarFormat.HEADER_CSV);
        assertThat(bars.period()).isEqualTo(Duration.ofHours(1));
        assertThat(bars.bars()).hasSize(73265);
        assertThat(bars.bars().get(0).openTime()).isEqualTo(Instant.parse("2018-01-01T00:00:00Z"));
        assertThat(bars.bars().get(0).close()).isEqualByComparingTo("13529.01");
        assertThat(bars.where(0)).isEqualTo("line 2");
    }

    @Test
    void readsARealCsvWhoseColumnsComeInAnotherOrderWithSpaceSeparatedTimes() throws IOException {
        Path file = shared("mathaszip-BTCprice/BTCUSD_1d_candles_full.csv"); // timestamp,open,close,volume,unix_timestamp,high,low

        BarFile bars = BarsReader.read(file, BarsReader.Options.forSymbol("BTC-USD"));

        assertThat(bars.period()).isEqualTo(Duration.ofDays(1));
        Bar second = bars.bars().get(1);
        assertThat(second.openTime()).isEqualTo(Instant.parse("2011-08-19T00:00:00Z"));
        assertThat(second.high()).isEqualByComparingTo("11.85");
        assertThat(second.low()).isEqualByComparingTo("10.9");
        assertThat(second.close()).isEqualByComparingTo("11.69");
    }

    @Test
    void detectsAndReadsTa4jJsonInferringItsPeriod() throws IOException {
        byte[] content;
        try (InputStream in = BarsReaderTest.class.getResourceAsStream(EthUsdBars.RESOURCE)) {
            content = in.readAllBytes();
        }

        BarFile bars = BarsReader.read(content, "ETH-USD-PT5M.json", eth());

        assertThat(bars.format()).isEqualTo(BarFormat.TA4J_JSON);
        assertThat(bars.period()).isEqualTo(Duration.ofMinutes(5));
        assertThat(bars.bars()).isEqualTo(ETH);
    }

    @Test
    void realTradesAreNotBarsAndTheMessageSaysWhichColumnsAreMissing() {
        String trades = resource("/bitstamp_trades_from_20131125_usd.csv", 5);

        assertThatThrownBy(() -> read(trades, "bitstamp_trades.csv", eth()))
                .isInstanceOf(BarFileException.class)
                .hasMessageContaining("bitstamp_trades.csv (CSV with a header) line 1")
                .hasMessageContaining("missing: open, high, low, close, volume");
    }

    // --- each format, written from the real bars ---------------------------------------------------------------------

    /** Binance spot files give open times in milliseconds, and in microseconds from 2025 on. */
    enum KlineUnit {
        MILLISECONDS(1_000L), MICROSECONDS(1L);

        final long microsDivisor;

        KlineUnit(long microsDivisor) {
            this.microsDivisor = microsDivisor;
        }

        long of(Instant t) {
            long micros = t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
            return micros / microsDivisor;
        }
    }

    @ParameterizedTest
    @EnumSource(KlineUnit.class)
    void readsBinanceKlinesInMillisecondsAndMicrosecondsBarByBar(KlineUnit unit) {
        BarFile bars = read(klines(ETH, unit), "ETHUSD-5m-2023-03.csv", eth());

        assertThat(bars.format()).isEqualTo(BarFormat.BINANCE_KLINES);
        assertThat(bars.period()).isEqualTo(Duration.ofMinutes(5));
        assertThat(bars.bars()).isEqualTo(ETH);
    }

    @Test
    void readsABinanceZipHoldingOneKlinesCsv() throws IOException {
        byte[] zip = zip(Map.of("ETHUSD-5m-2023-03.csv", klines(ETH, KlineUnit.MICROSECONDS)));

        BarFile bars = BarsReader.read(zip, "ETHUSD-5m-2023-03.zip", eth());

        assertThat(bars.format()).isEqualTo(BarFormat.BINANCE_KLINES);
        assertThat(bars.bars()).isEqualTo(ETH);
        assertThat(bars.where(3)).isEqualTo("line 4");
    }

    @Test
    void readsCcxtAndFreqtradeOhlcvArrays() {
        StringBuilder json = new StringBuilder("[");
        for (Bar b : ETH) {
            json.append(json.length() > 1 ? ",\n" : "").append('[').append(b.openTime().toEpochMilli()).append(',')
                    .append(String.join(",", prices(b))).append(']');
        }
        BarFile bars = read(json.append(']').toString(), "ETH_USD-5m.json", eth());

        assertThat(bars.format()).isEqualTo(BarFormat.OHLCV_JSON);
        assertThat(bars.bars()).isEqualTo(ETH);
        assertThat(bars.where(2)).isEqualTo("[2]");
    }

    @Test
    void readsTheApiBarsBodyTakingSymbolAndPeriodFromIt() {
        StringBuilder json = new StringBuilder("{\"symbol\": \"ETH-USD\", \"period\": \"PT5M\", \"bars\": [");
        for (int i = 0; i < ETH.size(); i++) {
            Bar b = ETH.get(i);
            json.append(i > 0 ? "," : "").append("{\"openTime\": \"").append(b.openTime()).append("\", \"open\": ")
                    .append(b.open()).append(", \"high\": ").append(b.high()).append(", \"low\": ").append(b.low())
                    .append(", \"close\": ").append(b.close()).append(", \"volume\": ").append(b.volume()).append('}');
        }
        BarFile bars = read(json.append("]}").toString(), "bars.json", BarsReader.Options.forSymbol(null));

        assertThat(bars.format()).isEqualTo(BarFormat.BARS_JSON);
        assertThat(bars.symbol()).isEqualTo("ETH-USD");
        assertThat(bars.bars()).isEqualTo(ETH);
    }

    /** The time column of a CSV with a header, as exports write it. */
    enum HeaderTime {
        ISO("datetime", t -> t.toString()),
        SECONDS("timestamp", t -> Long.toString(t.getEpochSecond())),
        MILLISECONDS("open_time", t -> Long.toString(t.toEpochMilli())),
        MICROSECONDS("Time", t -> Long.toString(t.toEpochMilli() * 1000));

        final String column;
        final Function<Instant, String> render;

        HeaderTime(String column, Function<Instant, String> render) {
            this.column = column;
            this.render = render;
        }
    }

    @ParameterizedTest
    @EnumSource(HeaderTime.class)
    void readsACsvWithAHeaderInAnyColumnOrderAndTimeUnit(HeaderTime time) {
        StringBuilder csv = new StringBuilder("Volume,symbol,CLOSE,Low,High,Open," + time.column + "\n");
        for (Bar b : ETH) {
            csv.append(b.volume()).append(",ETH/USD,").append(b.close()).append(',').append(b.low()).append(',')
                    .append(b.high()).append(',').append(b.open()).append(',').append(time.render.apply(b.openTime()))
                    .append("\r\n");
        }
        BarFile bars = read(csv.toString(), "export.csv", eth());

        assertThat(bars.format()).isEqualTo(BarFormat.HEADER_CSV);
        assertThat(bars.bars()).isEqualTo(ETH);
    }

    @Test
    void readsRealTradesAggregatedToHourlyBarsWithEpochSecondTimes() {
        // Bitstamp trades (timestamp in seconds, price, amount) made into hourly bars, written with second times.
        String trades = resource("/bitstamp_trades_from_20131125_usd.csv", 20_000);
        TreeMap<Long, BigDecimal[]> hours = new TreeMap<>();
        trades.lines().skip(1).map(l -> l.split(",")).forEach(c -> {
            long hour = Long.parseLong(c[0]) / 3600 * 3600;
            BigDecimal price = new BigDecimal(c[1]);
            BigDecimal amount = new BigDecimal(c[2]);
            hours.merge(hour, new BigDecimal[] {price, price, price, price, amount}, (a, t) -> new BigDecimal[] {
                a[0], a[1].max(t[1]), a[2].min(t[2]), t[3], a[4].add(t[4])});
        });
        StringBuilder csv = new StringBuilder("timestamp,open,high,low,close,volume\n");
        List<Bar> expected = new ArrayList<>();
        hours.forEach((hour, v) -> {
            csv.append(hour).append(',').append(v[0]).append(',').append(v[1]).append(',').append(v[2]).append(',')
                    .append(v[3]).append(',').append(v[4]).append('\n');
            expected.add(new Bar("BTC-USD", Instant.ofEpochSecond(hour), Duration.ofHours(1), v[0], v[1], v[2], v[3], v[4]));
        });

        BarFile bars = read(csv.toString(), "bitstamp-1h.csv", BarsReader.Options.forSymbol("BTC-USD"));

        assertThat(expected).hasSizeGreaterThan(10);
        assertThat(bars.bars()).isEqualTo(expected);
    }

    @Test
    void aForcedFormatIsUsedEvenWhenTheContentSaysOtherwise() {
        String csv = "date,open,high,low,close,volume\n2024-01-01T00:00:00Z,1,2,0.5,1.5,10\n";

        assertThatThrownBy(() -> read(csv, "x.csv", eth().format(BarFormat.BINANCE_KLINES)))
                .isInstanceOf(BarFileException.class)
                .hasMessageContaining("(Binance klines CSV) line 1")
                .hasMessageContaining("12 comma-separated columns");
        assertThat(BarFormat.named("Binance-Klines")).contains(BarFormat.BINANCE_KLINES);
    }

    // --- refusals ------------------------------------------------------------------------------------------------------

    @Test
    void aBadKlineValueIsNamedByFormatFileLineColumnAndValue() {
        String csv = klines(ETH.subList(0, 3), KlineUnit.MILLISECONDS).replaceFirst("(?m)^(\\d+,[^,]+,)[^,]+", "$1abc");
        String[] lines = csv.split("\n");
        String content = lines[1] + "\n" + lines[2] + "\n" + lines[0] + "\n";

        assertThatThrownBy(() -> read(content, "ETHUSD-5m.csv", eth()))
                .isInstanceOf(BarFileException.class)
                .hasMessage("ETHUSD-5m.csv (Binance klines CSV) line 3, column 3 (high): 'abc' is not accepted;"
                        + " expected a decimal number (NaN and empty cells are not prices)")
                .satisfies(e -> {
                    BarFileException b = (BarFileException) e;
                    assertThat(b.line()).isEqualTo(3);
                    assertThat(b.column()).isEqualTo(3);
                    assertThat(b.format()).contains(BarFormat.BINANCE_KLINES);
                });
    }

    @Test
    void aBadTimeOrAnInconsistentBarIsNamedByItsCell() {
        String badTime = "date,open,high,low,close,volume\n2024-01-01T00:00:00Z,1,2,0.5,1.5,10\nyesterday,1,2,0.5,1.5,10\n";
        String lowAboveHigh = "time,open,high,low,close,volume\n1704067200000,1,2,0.5,1.5,10\n1704070800000,1,0.5,0.4,1,10\n";

        assertThatThrownBy(() -> read(badTime, "a.csv", eth()))
                .hasMessageContaining("a.csv (CSV with a header) line 3, column 1 (date): 'yesterday' is not accepted")
                .hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> read(lowAboveHigh, "b.csv", eth()))
                .hasMessageContaining("b.csv (CSV with a header) line 3, column 2 (open): 1 is not accepted")
                .hasMessageContaining("between low (0.4) and high (0.5)");
    }

    @Test
    void aBadJsonItemIsNamedByItsPathAndBrokenJsonByLineAndColumn() {
        assertThatThrownBy(() -> read("[[1704067200000,1,2,0.5,1.5,10],\n[1704070800000,1,2,0.5,\"x\",10]]", "o.json", eth()))
                .hasMessageContaining("o.json (CCXT/freqtrade OHLCV JSON) [1][4] (close): 'x' is not accepted; expected a number");
        assertThatThrownBy(() -> read("[[1704067200000,1,2,0.5,1.5,10],\n[1704070800000,1,2,", "o.json", eth()))
                .isInstanceOf(BarFileException.class)
                .hasMessageContaining("(CCXT/freqtrade OHLCV JSON) line 2")
                .hasMessageContaining("not well-formed JSON")
                .hasMessageNotContaining("Exception")
                .hasMessageNotContaining("jackson");
    }

    @Test
    void aZipWithNoFileOrTwoFilesIsRefused() throws IOException {
        assertThatThrownBy(() -> BarsReader.read(zip(Map.of()), "empty.zip", eth()))
                .hasMessage("empty.zip (ZIP): a ZIP with no file inside is not accepted; expected a ZIP holding exactly one"
                        + " CSV file (Binance klines or a CSV with a header)");
        byte[] two = zip(new TreeMap<>(Map.of("a.csv", klines(ETH, KlineUnit.MILLISECONDS), "b.csv", "x")));
        assertThatThrownBy(() -> BarsReader.read(two, "two.zip", eth()))
                .hasMessageContaining("two.zip (ZIP): a ZIP with 2 files [a.csv, b.csv] is not accepted");
    }

    @Test
    void anEmptyFileAndAHeaderOnlyFileAreRefused() {
        assertThatThrownBy(() -> read("\n \n", "bars.csv", eth()))
                .hasMessageStartingWith("bars.csv (CSV with a header): an empty file is not accepted; expected a header");
        assertThatThrownBy(() -> read("timestamp,open,high,low,close,volume\n", "bars.csv", eth()))
                .hasMessage("bars.csv (CSV with a header) line 1: a header and no bar is not accepted;"
                        + " expected at least one bar after the header");
    }

    @Test
    void aSingleBarNeedsItsPeriodGivenUnlessTheFileStatesIt() {
        String one = "date,open,high,low,close,volume\n2024-01-01T00:00:00Z,1,2,0.5,1.5,10\n";

        assertThatThrownBy(() -> read(one, "one.csv", eth()))
                .hasMessageContaining("at least two increasing times to infer the bar period");
        assertThat(read(one, "one.csv", eth().period(Duration.ofHours(4))).period()).isEqualTo(Duration.ofHours(4));
        assertThat(read(klines(ETH.subList(0, 1), KlineUnit.MICROSECONDS), "k.csv", eth()).period())
                .isEqualTo(Duration.ofMinutes(5));
    }

    // --- helpers -------------------------------------------------------------------------------------------------------

    /** Bars as a Binance kline file: 12 columns, no header, close time the last unit inside the bar. */
    static String klines(List<Bar> bars, KlineUnit unit) {
        StringBuilder csv = new StringBuilder();
        for (Bar b : bars) {
            long open = unit.of(b.openTime());
            long close = unit.of(b.endTime()) - 1;
            BigDecimal quote = b.volume().multiply(b.close());
            csv.append(open).append(',').append(String.join(",", prices(b))).append(',').append(close).append(',')
                    .append(quote.toPlainString()).append(",42,").append(b.volume()).append(',')
                    .append(quote.toPlainString()).append(",0\n");
        }
        return csv.toString();
    }

    private static List<String> prices(Bar b) {
        return List.of(b.open().toPlainString(), b.high().toPlainString(), b.low().toPlainString(),
                b.close().toPlainString(), b.volume().toPlainString());
    }

    static byte[] zip(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static String resource(String name, int lines) {
        try (InputStream in = BarsReaderTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name + " on the test class path (org.ta4j:ta4j-examples)").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().limit(lines)
                    .reduce(new StringBuilder(), (sb, l) -> sb.append(l).append('\n'), StringBuilder::append).toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path shared(String relative) {
        return SharedData.file(relative).orElseGet(() -> {
            Assumptions.abort("the shared market data (" + relative + ") is not here: set " + SharedData.VARIABLE
                    + " to the folder holding it to run this test");
            return null;
        });
    }
}
