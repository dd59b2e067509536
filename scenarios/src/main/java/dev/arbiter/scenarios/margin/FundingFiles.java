package dev.arbiter.scenarios.margin;

import dev.arbiter.scenarios.data.MissingMarketDataException;
import dev.arbiter.scenarios.data.FreqtradeRows;
import dev.arbiter.scenarios.spec.InvalidScenarioException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads a perpetual's funding-rate file in freqtrade's layout, {@code date,open,high,low,close,volume}: one row per
 * funding time (ISO-8601 UTC), the rate for the interval in {@code open} as a fraction, the other columns zero.
 */
public final class FundingFiles {

    static final String HEADER = "date,open,high,low,close,volume";
    static final String EXAMPLE = "data:roshan7869-algotrading/futures/BTC_USDT_USDT-funding_rate.csv";

    private FundingFiles() {
    }

    /**
     * @param source  {@code data:PATH} under the market-data root, or a path relative to the scenario's folder
     * @param field   where the scenario names it, e.g. {@code market[0].funding}
     * @param from    the first time the run needs a rate for (a funding time after it must be in the file)
     * @param to      the last time the run needs a rate for
     */
    public static FundingRates load(String symbol, String source, String field, Path baseDirectory,
                                    Optional<Path> dataRoot, Duration interval, Instant from, Instant to) {
        Path file = resolve(source, field, baseDirectory, dataRoot);
        TreeMap<Instant, BigDecimal> rates = new TreeMap<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null || !header.trim().equals(HEADER)) {
                throw new InvalidScenarioException(field, "'" + source + "', a file starting '" + header + "'",
                        "a funding-rate file with the header " + HEADER + " (the rate in open)");
            }
            FreqtradeRows.read(reader, field, (row, line, cells) -> {
                Instant at;
                BigDecimal rate;
                try {
                    at = Instant.parse(cells[0].trim());
                    rate = new BigDecimal(cells[1].trim());
                } catch (DateTimeParseException | NumberFormatException e) {
                    throw new InvalidScenarioException(field + " line " + row, "'" + line + "'",
                            "an ISO-8601 UTC funding time and the rate as a number in open");
                }
                if (!rates.isEmpty() && !rates.lastKey().isBefore(at)) {
                    throw new InvalidScenarioException(field + " line " + row, at, "funding times oldest first, each once");
                }
                rates.put(at, rate);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(field + " '" + source + "': " + e.getMessage(), e);
        }
        requireCovered(rates, source, field, interval, from, to);
        return new FundingRates(symbol, rates);
    }

    private static Path resolve(String source, String field, Path baseDirectory, Optional<Path> dataRoot) {
        Path file;
        if (source.startsWith("data:")) {
            Path root = dataRoot.orElseThrow(() -> new MissingMarketDataException("market data root not found for "
                    + field + " '" + source + "': set ARBITER_DATA_DIR to the folder holding the shared market data"));
            file = root.resolve(source.substring("data:".length()));
        } else {
            file = (baseDirectory == null ? Path.of("") : baseDirectory).resolve(source);
        }
        if (!Files.isRegularFile(file)) {
            throw new InvalidScenarioException(field, "'" + source + "' (no such file)", "a funding-rate file under the "
                    + "market-data root or relative to the scenario file, e.g. " + EXAMPLE);
        }
        return file;
    }

    /** A file that ends before the run, or starts well after it, would silently leave funding out. */
    private static void requireCovered(TreeMap<Instant, BigDecimal> rates, String source, String field,
                                       Duration interval, Instant from, Instant to) {
        if (rates.isEmpty() || rates.firstKey().isAfter(from.plus(interval))
                || rates.lastKey().isBefore(to.minus(interval))) {
            throw new InvalidScenarioException(field, "'" + source + "' with funding times "
                    + (rates.isEmpty() ? "none" : rates.firstKey() + " .. " + rates.lastKey()),
                    "a file with a rate every " + interval.toHours() + " h over the run, " + from + " .. " + to);
        }
    }
}
