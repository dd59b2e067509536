package dev.arbiter.scenarios.data;

import dev.arbiter.kb.InvalidFactException;
import dev.arbiter.kb.fact.Bar;
import dev.arbiter.mlbridge.marketdata.Ta4jJsonBars;
import dev.arbiter.scenarios.spec.InvalidScenarioException;
import dev.arbiter.scenarios.spec.MarketFeed;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/** Loads one feed's bars: a CSV or ta4j JSON file, or a seeded synthetic path. */
public final class BarFiles {

    private static final String CSV_HEADER = "date,open,high,low,close,volume";

    private BarFiles() {
    }

    /**
     * @param field where the feed sits in the scenario, for error messages (e.g. {@code market[0]})
     * @param from  bars opening before this are dropped (null keeps all)
     * @param to    bars opening at or after this are dropped (null keeps all)
     */
    public static List<Bar> load(MarketFeed feed, String field, Path baseDirectory, Optional<Path> dataRoot,
                                 Instant from, Instant to) throws IOException {
        List<Bar> bars;
        if (feed.generated()) {
            bars = generate(feed);
        } else if (feed.source().startsWith("classpath:")) {
            String resource = feed.source().substring("classpath:".length());
            try (InputStream in = BarFiles.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new InvalidScenarioException(field + ".file", "'" + feed.source() + "'", "a resource on the class path");
                }
                bars = read(feed, field, in, from, to);
            }
        } else {
            Path file = resolve(feed, field, baseDirectory, dataRoot);
            try (InputStream in = Files.newInputStream(file)) {
                bars = read(feed, field, in, from, to);
            }
        }
        List<Bar> kept = bars.stream()
                .filter(b -> (from == null || !b.openTime().isBefore(from)) && (to == null || b.openTime().isBefore(to)))
                .toList();
        return feed.resample() == null ? kept : resample(kept, feed.resample());
    }

    /**
     * Aggregates bars into UTC-aligned buckets of {@code period}: first open, highest high, lowest low,
     * last close, summed volume. A bucket with some bars missing (a venue outage of a few hours) still
     * makes a bar from the bars it has; only a bucket with no bar at all leaves a gap.
     */
    static List<Bar> resample(List<Bar> bars, java.time.Duration period) {
        List<Bar> out = new ArrayList<>();
        long size = period.toSeconds();
        int i = 0;
        while (i < bars.size()) {
            long bucket = Math.floorDiv(bars.get(i).openTime().getEpochSecond(), size) * size;
            Bar first = bars.get(i);
            BigDecimal high = first.high();
            BigDecimal low = first.low();
            BigDecimal volume = BigDecimal.ZERO;
            Bar last = first;
            while (i < bars.size() && Math.floorDiv(bars.get(i).openTime().getEpochSecond(), size) * size == bucket) {
                Bar b = bars.get(i);
                high = high.max(b.high());
                low = low.min(b.low());
                volume = volume.add(b.volume());
                last = b;
                i++;
            }
            out.add(new Bar(first.symbol(), Instant.ofEpochSecond(bucket), period, first.open(), high, low, last.close(), volume));
        }
        return out;
    }

    /** The file a feed names; {@code data:} paths need the market-data root. */
    public static Path resolve(MarketFeed feed, String field, Path baseDirectory, Optional<Path> dataRoot) {
        Path file;
        if (feed.source().startsWith("data:")) {
            Path root = dataRoot.orElseThrow(() -> new MissingMarketDataException(
                    "market data root not found for " + field + ".file '" + feed.source()
                            + "': set ARBITER_DATA_DIR to the folder holding the shared market data"));
            file = root.resolve(feed.source().substring("data:".length()));
        } else {
            file = baseDirectory.resolve(feed.source());
        }
        if (!Files.isRegularFile(file)) {
            throw new MissingMarketDataException(field + ".file '" + feed.source() + "': no such file (" + file + ")");
        }
        return file;
    }

    private static List<Bar> read(MarketFeed feed, String field, InputStream in, Instant from, Instant to)
            throws IOException {
        if (feed.format().equals("ta4j-json")) {
            try {
                return Ta4jJsonBars.read(in, feed.symbol(), feed.period());
            } catch (InvalidFactException e) {
                throw new InvalidScenarioException(field + ".file", e.getMessage(), "a ta4j bar file");
            }
        }
        return csv(feed, field, in, from, to);
    }

    /** Freqtrade's CSV layout: date (ISO-8601 UTC bar open), open, high, low, close, volume. */
    private static List<Bar> csv(MarketFeed feed, String field, InputStream in, Instant from, Instant to)
            throws IOException {
        List<Bar> bars = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            if (header == null || !header.trim().equals(CSV_HEADER)) {
                throw new InvalidScenarioException(field + ".file", "a file starting '" + header + "'",
                        "a CSV file with the header " + CSV_HEADER);
            }
            FreqtradeRows.read(reader, field + ".file", (row, line, cells) -> {
                Instant open;
                try {
                    open = Instant.parse(cells[0].trim());
                } catch (DateTimeParseException e) {
                    throw new InvalidScenarioException(field + ".file line " + row + " date", "'" + cells[0] + "'",
                            "an ISO-8601 UTC time");
                }
                // Skip early what the run will never read; the window before 'from' is kept by the caller's from.
                if ((from != null && open.isBefore(from)) || (to != null && !open.isBefore(to))) {
                    return;
                }
                try {
                    bars.add(new Bar(feed.symbol(), open, feed.period(), decimal(cells[1]), decimal(cells[2]),
                            decimal(cells[3]), decimal(cells[4]), decimal(cells[5])));
                } catch (InvalidFactException | NumberFormatException e) {
                    throw new InvalidScenarioException(field + ".file line " + row, "'" + line + "'",
                            "a valid OHLCV bar (" + e.getMessage() + ")");
                }
                if (bars.size() > 1 && !bars.get(bars.size() - 2).openTime().isBefore(open)) {
                    throw new InvalidScenarioException(field + ".file line " + row, open, "bars oldest first, each once");
                }
            });
        }
        return bars;
    }

    private static BigDecimal decimal(String cell) {
        return new BigDecimal(cell.trim());
    }

    /** Geometric Brownian motion, seeded: the same settings always give the same bars. */
    static List<Bar> generate(MarketFeed feed) {
        MarketFeed.Generator g = feed.generator();
        SplittableRandom random = new SplittableRandom(g.seed());
        List<Bar> bars = new ArrayList<>(g.bars());
        double price = g.startPrice().doubleValue();
        Instant open = g.start();
        for (int i = 0; i < g.bars(); i++) {
            double close = price * Math.exp(g.drift() + g.volatility() * gaussian(random));
            double wick = Math.abs(close - price) * 0.5 + price * g.volatility() * 0.25;
            bars.add(new Bar(feed.symbol(), open, feed.period(), money(price), money(Math.max(price, close) + wick),
                    money(Math.max(1e-6, Math.min(price, close) - wick)), money(close), BigDecimal.valueOf(1000)));
            price = close;
            open = open.plus(feed.period());
        }
        return bars;
    }

    private static double gaussian(SplittableRandom random) {
        // Box–Muller: two uniforms give one standard normal.
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    static BigDecimal money(double value) {
        return BigDecimal.valueOf(value).setScale(6, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros();
    }
}
