package dev.arbiter.scenarios.data;

import dev.arbiter.kb.fact.Bar;
import dev.arbiter.mlbridge.marketdata.BarFile;
import dev.arbiter.mlbridge.marketdata.BarFileException;
import dev.arbiter.mlbridge.marketdata.BarFormat;
import dev.arbiter.mlbridge.marketdata.BarsReader;
import dev.arbiter.scenarios.spec.InvalidScenarioException;
import dev.arbiter.scenarios.spec.MarketFeed;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Loads one feed's bars: a file in any bar format (CSV with a header, Binance klines or their ZIP, OHLCV, ta4j or bars
 * JSON), or a seeded synthetic path.
 */
public final class BarFiles {

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
                bars = read(feed, field, in);
            }
        } else {
            Path file = resolve(feed, field, baseDirectory, dataRoot);
            try (InputStream in = Files.newInputStream(file)) {
                bars = read(feed, field, in);
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

    /**
     * Reads a feed's file in any format {@link BarsReader} knows (the feed's {@code format}, or told from the content),
     * as bars of the feed's symbol and period, oldest first and each once.
     */
    private static List<Bar> read(MarketFeed feed, String field, InputStream in) throws IOException {
        Optional<BarFormat> forced = BarFormat.named(feed.format());
        BarFile file;
        try {
            file = BarsReader.read(in.readAllBytes(), feed.source(), BarsReader.Options.forSymbol(feed.symbol())
                    .period(feed.period()).format(forced.orElse(null)));
        } catch (BarFileException e) {
            throw new InvalidScenarioException(field + ".file" + (e.at().isEmpty() ? "" : " " + e.at()), e.value(),
                    e.accepted() + " (read as " + e.format().map(BarFormat::title).orElse("no known format") + ")");
        }
        List<Bar> bars = file.bars();
        for (int i = 1; i < bars.size(); i++) {
            if (!bars.get(i - 1).openTime().isBefore(bars.get(i).openTime())) {
                throw new InvalidScenarioException(field + ".file " + file.where(i), bars.get(i).openTime(),
                        "bars oldest first, each once");
            }
        }
        return bars;
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
