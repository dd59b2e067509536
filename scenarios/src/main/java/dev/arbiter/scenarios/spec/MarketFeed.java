package dev.arbiter.scenarios.spec;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * One instrument's bars in a scenario: from a file, or from a seeded generator.
 *
 * @param source    where the bars come from: {@code data:PATH} (under the market-data root),
 *                  {@code classpath:PATH}, a path relative to the scenario file, or {@code generate}
 * @param format    {@code auto} (told from the file's content) or a bar file format's name ({@code csv},
 *                  {@code binance-klines}, {@code zip}, {@code ohlcv-json}, {@code ta4j-json}, {@code bars-json}),
 *                  as {@code dev.arbiter.mlbridge.marketdata.BarsReader} reads them
 * @param generator settings when {@code source} is {@code generate}, else null
 * @param resample  a longer period to aggregate the file's bars into (UTC-aligned), or null to keep them
 * @param funding   a perpetual's funding-rate file ({@code data:PATH} or relative to the scenario file), or null
 *                  for spot
 */
public record MarketFeed(String symbol, String source, String format, Duration period, String cluster,
                         BigDecimal lotSize, BigDecimal tickSize, BigDecimal minNotional, Generator generator,
                         Duration resample, String funding) {

    /**
     * Geometric Brownian motion: log returns drawn normal with the given drift and volatility per bar.
     */
    public record Generator(Instant start, int bars, BigDecimal startPrice, double drift, double volatility, long seed) {
    }

    /** The period of the bars the run sees: the resampled one, if any. */
    public Duration barPeriod() {
        return resample == null ? period : resample;
    }

    public boolean generated() {
        return generator != null;
    }
}
