package dev.arbiter.scenarios.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.kb.fact.Bar;
import dev.arbiter.scenarios.spec.InvalidScenarioException;
import dev.arbiter.scenarios.spec.ScenarioFiles;
import dev.arbiter.scenarios.spec.ScenarioSpec;
import dev.arbiter.mlbridge.marketdata.Ta4jJsonBars;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BarFilesTest {

    private static final Instant DAY1 = Instant.parse("2024-01-01T00:00:00Z");
    private static final Duration H = Duration.ofHours(1);

    @TempDir
    Path dir;

    @Test
    void resamplesHoursIntoUtcDaysAndADayWithAnOutageStillMakesABar() {
        List<Bar> hours = new ArrayList<>();
        for (int i = 0; i < 72; i++) {
            boolean outage = i >= 30 && i < 34;  // 4 hours missing on day 2
            boolean gone = i >= 48;              // day 3 missing entirely
            if (!outage && !gone) {
                BigDecimal price = BigDecimal.valueOf(100 + i);
                hours.add(new Bar("A", DAY1.plus(H.multipliedBy(i)), H, price, price.add(BigDecimal.ONE),
                        price.subtract(BigDecimal.ONE), price, BigDecimal.TEN));
            }
        }
        List<Bar> days = BarFiles.resample(hours, Duration.ofDays(1));
        assertEquals(2, days.size());
        Bar first = days.get(0);
        assertEquals(DAY1, first.openTime());
        assertEquals(new BigDecimal("100"), first.open());
        assertEquals(new BigDecimal("124"), first.high());   // hour 23: 123 + 1
        assertEquals(new BigDecimal("99"), first.low());     // hour 0: 100 - 1
        assertEquals(new BigDecimal("123"), first.close());
        assertEquals(new BigDecimal("240"), first.volume());
        assertEquals(new BigDecimal("200"), days.get(1).volume(), "20 of 24 hours");
    }

    @Test
    void aCsvWithTheWrongHeaderOrABadRowIsRejectedNamingTheLine() throws IOException {
        Files.writeString(dir.resolve("bad.csv"), "date,open,high,low,close,volume\n2024-01-01T00:00:00Z,1,2,0.5,1.5,10\n"
                + "2024-01-01T01:00:00Z,1,0.5,0.4,1,10\n");
        ScenarioSpec spec = ScenarioFiles.parse("name: x\nmarket: [{symbol: A, file: bad.csv, period: PT1H}]\n", dir);
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class,
                () -> ScenarioData.load(spec, Optional.empty()));
        assertEquals("market[0].file line 3, column 2 (open)", e.field());
        Files.writeString(dir.resolve("bad.csv"), "time,o,h,l,c,v\n");
        InvalidScenarioException header = assertThrows(InvalidScenarioException.class,
                () -> ScenarioData.load(spec, Optional.empty()));
        assertTrue(header.getMessage().contains("market[0].file line 1: 'time,o,h,l,c,v' is not accepted"), header.getMessage());
        assertTrue(header.getMessage().contains("missing: open, high, low, close, volume"), header.getMessage());
    }

    @Test
    void aFeedReadsABinanceKlineZipAsTheSameBarsAsItsCsv() throws IOException {
        List<Bar> eth = ethUsd();
        StringBuilder klines = new StringBuilder();
        StringBuilder csv = new StringBuilder("date,open,high,low,close,volume\n");
        for (Bar b : eth) {
            long open = b.openTime().toEpochMilli();
            klines.append(open).append(',').append(b.open()).append(',').append(b.high()).append(',').append(b.low())
                    .append(',').append(b.close()).append(',').append(b.volume()).append(',').append(open + 299_999)
                    .append(",0,1,0,0,0\n");
            csv.append(b.openTime()).append(',').append(b.open()).append(',').append(b.high()).append(',').append(b.low())
                    .append(',').append(b.close()).append(',').append(b.volume()).append('\n');
        }
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(dir.resolve("ETHUSD-5m-2023-03.zip")))) {
            zip.putNextEntry(new ZipEntry("ETHUSD-5m-2023-03.csv"));
            zip.write(klines.toString().getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(dir.resolve("eth.csv"), csv);

        ScenarioSpec binance = ScenarioFiles.parse("name: x\nmarket: [{symbol: ETH-USD, file: ETHUSD-5m-2023-03.zip, period: PT5M}]\n", dir);
        ScenarioSpec plain = ScenarioFiles.parse("name: x\nmarket: [{symbol: ETH-USD, file: eth.csv, period: PT5M, format: csv}]\n", dir);

        assertEquals(eth, ScenarioData.load(binance, Optional.empty()).get("ETH-USD"));
        assertEquals(eth, ScenarioData.load(plain, Optional.empty()).get("ETH-USD"));
        InvalidScenarioException unknown = assertThrows(InvalidScenarioException.class, () -> ScenarioFiles.parse(
                "name: x\nmarket: [{symbol: ETH-USD, file: eth.csv, period: PT5M, format: parquet}]\n", dir));
        assertTrue(unknown.getMessage().contains("binance-klines"), unknown.getMessage());
    }

    private static List<Bar> ethUsd() throws IOException {
        try (InputStream in = BarFilesTest.class.getResourceAsStream("/ETH-USD-PT5M-2023-3-13_2023-3-15.json")) {
            return Ta4jJsonBars.read(in, "ETH-USD", Duration.ofMinutes(5));
        }
    }
}
