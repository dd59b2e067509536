package dev.arbiter.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.kb.fact.Bar;
import dev.arbiter.mlbridge.marketdata.Ta4jJsonBars;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code arbiter indicators} on the real ETH-USD bars written as CSV, in both time formats, and on bad rows. */
class IndicatorsCommandTest {

    @TempDir
    Path dir;

    private List<Bar> bars;

    @BeforeEach
    void loadBars() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/ETH-USD-PT5M-2023-3-13_2023-3-15.json")) {
            bars = Ta4jJsonBars.read(in, "ETH-USD", Duration.ofMinutes(5));
        }
    }

    @Test
    void writesTimeAndTheDefaultColumnsEmptyDuringWarmUp() throws Exception {
        Path csv = write("eth.csv", bars, false);
        Path out = dir.resolve("features.csv");

        CliOutput run = CliOutput.of(() -> ArbiterCli.execute("indicators", "--bars", csv.toString(), "--out", out.toString()));

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(581);
        assertThat(lines.get(0)).startsWith("time,sma_20,sma_50,ema_20,wma_20,rsi_14,macd_12_26_9,macdsignal_12_26_9,"
                + "macdhist_12_26_9,bbupper_20_2,bbmiddle_20_2,bblower_20_2,atr_14,adx_14,cci_20,mfi_14,obv,stochk_14_3_3,"
                + "stochd_14_3_3,willr_14,roc_10");
        String[] first = lines.get(1).split(",", -1);
        assertThat(first[0]).isEqualTo("2023-03-13T18:00:00Z");
        assertThat(first[1]).as("sma_20 at the first bar").isEmpty();
        String[] later = lines.get(200).split(",", -1);
        double expectedSma = bars.subList(180, 200).stream().mapToDouble(b -> b.close().doubleValue()).average().orElseThrow();
        assertThat(Double.parseDouble(later[1])).isCloseTo(expectedSma, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(later).doesNotContain("");
    }

    @Test
    void epochMillisecondTimesGiveTheSameColumns() throws Exception {
        Path iso = dir.resolve("iso.csv");
        Path millis = dir.resolve("millis.csv");
        Path isoBars = write("a.csv", bars, false);
        Path millisBars = write("b.csv", bars, true);
        CliOutput a = CliOutput.of(() -> ArbiterCli.execute("indicators", "--bars", isoBars.toString(), "--out", iso.toString()));
        CliOutput b = CliOutput.of(() -> ArbiterCli.execute("indicators", "--bars", millisBars.toString(), "--out", millis.toString()));

        assertThat(a.exitCode()).isZero();
        assertThat(b.exitCode()).isZero();
        assertThat(Files.readAllLines(millis)).isEqualTo(Files.readAllLines(iso));
    }

    @Test
    void anOutOfOrderRowExitsTwoWithItsLineAndWritesNothing() throws Exception {
        List<Bar> shuffled = new ArrayList<>(bars.subList(0, 50));
        shuffled.add(bars.get(10));
        Path out = dir.resolve("never.csv");

        Path badBars = write("bad.csv", shuffled, false);
        CliOutput run = CliOutput.of(() -> ArbiterCli.execute("indicators", "--bars", badBars.toString(), "--out", out.toString()));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("line 52:").contains("time order");
        assertThat(out).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".indicators-"));
        }
    }

    @Test
    void aNanPriceOrAnUnknownSetExitsTwoNamingIt() throws Exception {
        Path csv = dir.resolve("nan.csv");
        Files.writeString(csv, "time,open,high,low,close,volume\n2024-01-01T00:00:00Z,1,2,1,1.5,5\n2024-01-01T01:00:00Z,1,2,1,NaN,5\n");

        CliOutput nan = CliOutput.of(() -> ArbiterCli.execute("indicators", "--bars", csv.toString(), "--out", dir.resolve("x.csv").toString()));
        CliOutput set = CliOutput.of(() -> ArbiterCli.execute("indicators", "--bars", csv.toString(), "--out", dir.resolve("x.csv").toString(),
                "--set", "fast"));

        assertThat(nan.exitCode()).isEqualTo(2);
        assertThat(nan.stderr()).contains("nan.csv (CSV with a header) line 3, column 5 (close): 'NaN' is not accepted;"
                + " expected a decimal number");
        assertThat(set.exitCode()).isEqualTo(2);
        assertThat(set.stderr()).contains("feature set 'fast' is not defined; expected one of [default, talib, model]");
    }

    @Test
    void aBinanceKlineZipGivesTheSameColumnsAsTheCsvAndAForcedFormatIsObeyed() throws Exception {
        Path csv = write("eth.csv", bars, false);
        StringBuilder klines = new StringBuilder();
        for (Bar b : bars) {
            long micros = b.openTime().toEpochMilli() * 1000;
            klines.append(micros).append(',').append(b.open()).append(',').append(b.high()).append(',').append(b.low())
                    .append(',').append(b.close()).append(',').append(b.volume()).append(',').append(micros + 299_999_999L)
                    .append(",0,1,0,0,0\n");
        }
        Path zip = dir.resolve("ETHUSD-5m-2023-03.zip");
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new java.util.zip.ZipEntry("ETHUSD-5m-2023-03.csv"));
            out.write(klines.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        Path fromCsv = dir.resolve("csv-features.csv");
        Path fromZip = dir.resolve("zip-features.csv");

        CliOutput a = CliOutput.of(() -> ArbiterCli.execute("indicators", "--bars", csv.toString(), "--out", fromCsv.toString()));
        CliOutput b = CliOutput.of(() -> ArbiterCli.execute("indicators", "--bars", zip.toString(), "--out", fromZip.toString()));
        CliOutput forced = CliOutput.of(() -> ArbiterCli.execute("indicators", "--bars", csv.toString(), "--out",
                dir.resolve("x.csv").toString(), "--format", "ohlcv-json"));
        CliOutput unknown = CliOutput.of(() -> ArbiterCli.execute("indicators", "--bars", csv.toString(), "--out",
                dir.resolve("x.csv").toString(), "--format", "parquet"));

        assertThat(a.exitCode()).as(a.stderr()).isZero();
        assertThat(b.exitCode()).as(b.stderr()).isZero();
        assertThat(Files.readAllLines(fromZip)).isEqualTo(Files.readAllLines(fromCsv));
        assertThat(forced.exitCode()).isEqualTo(2);
        assertThat(forced.stderr()).contains("eth.csv (CCXT/freqtrade OHLCV JSON) line 1, column 1: text that is not"
                + " well-formed JSON is not accepted");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.stderr()).contains("'parquet' is not a bar file format; expected one of csv, binance-klines, zip,"
                + " ohlcv-json, ta4j-json, bars-json");
    }

    private Path write(String name, List<Bar> rows, boolean epochMillis) throws Exception {
        StringBuilder csv = new StringBuilder("time,open,high,low,close,volume\n");
        for (Bar b : rows) {
            csv.append(epochMillis ? String.valueOf(b.openTime().toEpochMilli()) : b.openTime().toString()).append(',')
                    .append(b.open().toPlainString()).append(',').append(b.high().toPlainString()).append(',')
                    .append(b.low().toPlainString()).append(',').append(b.close().toPlainString()).append(',')
                    .append(b.volume().toPlainString()).append('\n');
        }
        Path file = dir.resolve(name);
        Files.writeString(file, csv);
        return file;
    }
}
