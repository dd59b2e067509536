package dev.arbiter.mlbridge.marketdata;

import dev.arbiter.kb.fact.Bar;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;

/**
 * Reads the JSON bar files ta4j ships (e.g. {@code ETH-USD-PT5M-2023-3-13_2023-3-15.json} inside
 * {@code org.ta4j:ta4j-examples}): {@code {name, ohlc: [{endTime, openPrice, highPrice, lowPrice,
 * closePrice, volume, amount}]}} with the bar's end time in epoch milliseconds, inclusive
 * (…699999). Bars become {@link Bar} facts keyed by open time, read by {@link BarsReader} and checked for order.
 */
public final class Ta4jJsonBars {

    private Ta4jJsonBars() {
    }

    /**
     * Reads the whole file as bars of {@code symbol} with the given period, checked for order.
     *
     * @throws BarFileException naming the bar and the field when the file is malformed
     */
    public static List<Bar> read(InputStream in, String symbol, Duration period) throws IOException {
        BarFile file = BarsReader.read(in.readAllBytes(), "ta4j bars",
                BarsReader.Options.forSymbol(symbol).period(period).format(BarFormat.TA4J_JSON));
        return BarSeriesCheck.requireOrderedSeries("ohlc", file.bars());
    }
}
