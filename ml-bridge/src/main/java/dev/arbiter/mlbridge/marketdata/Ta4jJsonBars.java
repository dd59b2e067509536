package dev.arbiter.mlbridge.marketdata;

import dev.arbiter.kb.InvalidFactException;
import dev.arbiter.kb.fact.Bar;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the JSON bar files ta4j ships (e.g. {@code ETH-USD-PT5M-2023-3-13_2023-3-15.json} inside
 * {@code org.ta4j:ta4j-examples}): {@code {name, ohlc: [{endTime, openPrice, highPrice, lowPrice,
 * closePrice, volume, amount}]}} with the bar's end time in epoch milliseconds, inclusive
 * (…699999). Bars become {@link Bar} facts keyed by open time.
 */
public final class Ta4jJsonBars {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Ta4jJsonBars() {
    }

    /** Reads the whole file as bars of {@code symbol} with the given period, checked for order. */
    public static List<Bar> read(InputStream in, String symbol, Duration period) throws IOException {
        JsonNode ohlc = JSON.readTree(in).path("ohlc");
        if (!ohlc.isArray()) {
            throw new InvalidFactException("Ta4jJsonBars", "ohlc", ohlc.getNodeType(), "an array of bars");
        }
        List<Bar> bars = new ArrayList<>(ohlc.size());
        for (JsonNode node : ohlc) {
            // endTime is the last millisecond inside the bar: the next bar opens one millisecond later.
            Instant end = Instant.ofEpochMilli(node.path("endTime").asLong() + 1);
            bars.add(new Bar(symbol, end.minus(period), period,
                    decimal(node, "openPrice"), decimal(node, "highPrice"), decimal(node, "lowPrice"),
                    decimal(node, "closePrice"), decimal(node, "volume")));
        }
        return BarSeriesCheck.requireOrderedSeries("ohlc", bars);
    }

    private static BigDecimal decimal(JsonNode bar, String field) {
        JsonNode value = bar.get(field);
        if (value == null || !value.isNumber()) {
            throw new InvalidFactException("Ta4jJsonBars", "ohlc." + field, value, "a number");
        }
        return value.decimalValue();
    }
}
