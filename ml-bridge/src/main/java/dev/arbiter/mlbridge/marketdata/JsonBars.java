package dev.arbiter.mlbridge.marketdata;

import dev.arbiter.mlbridge.marketdata.BarFileException.Position;
import dev.arbiter.mlbridge.marketdata.BarsReader.Parsed;
import dev.arbiter.mlbridge.marketdata.BarsReader.Row;
import dev.arbiter.mlbridge.marketdata.BarsReader.Source;
import dev.arbiter.mlbridge.marketdata.BarsReader.Verbatim;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON formats: CCXT/freqtrade OHLCV arrays, ta4j's bar files and the bars body of the API. */
final class JsonBars {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final List<String> OHLCV = List.of("time", "open", "high", "low", "close", "volume");
    private static final Map<String, String> TA4J_FIELDS = Map.of("openTime", "endTime", "open", "openPrice",
            "high", "highPrice", "low", "lowPrice", "close", "closePrice", "volume", "volume");
    private static final String NUMBER = "a number";

    private JsonBars() {
    }

    /** Which JSON object format a text holds: ta4j's when it has {@code ohlc}, else the bars body. */
    static BarFormat objectFormat(String text) {
        try {
            JsonNode root = JSON.readTree(text);
            return root.has("ohlc") ? BarFormat.TA4J_JSON : BarFormat.BARS_JSON;
        } catch (JacksonException e) {
            return BarFormat.BARS_JSON;
        }
    }

    static Parsed ohlcvArrays(String text, Source source) {
        JsonNode root = tree(text, source);
        if (!root.isArray()) {
            throw source.refuse(Position.item("(top level)"), new Verbatim("a JSON " + kind(root)), BarFormat.OHLCV_JSON.accepts());
        }
        List<Row> rows = new ArrayList<>(root.size());
        for (int i = 0; i < root.size(); i++) {
            JsonNode item = root.get(i);
            String path = "[" + i + "]";
            if (!item.isArray() || item.size() < OHLCV.size()) {
                throw source.refuse(Position.item(path), new Verbatim(item.toString()),
                        "an array [time, open, high, low, close, volume]");
            }
            String timePath = path + "[0] (time)";
            Instant time = epoch(item.get(0), timePath, source);
            BigDecimal[] v = new BigDecimal[5];
            for (int k = 1; k <= 5; k++) {
                v[k - 1] = decimal(item.get(k), path + "[" + k + "] (" + OHLCV.get(k) + ")", source);
            }
            rows.add(new Row(i, time, v[0], v[1], v[2], v[3], v[4]));
        }
        requireBars(rows, source, "(top level)");
        return new Parsed(rows, (item, field) -> {
            int k = OHLCV.indexOf(field.equals("openTime") ? "time" : field);
            return Position.item("[" + item + "]" + (k < 0 ? "" : "[" + k + "] (" + OHLCV.get(k) + ")"));
        }, Optional.empty(), Optional.empty(), false);
    }

    static Parsed ta4j(String text, Source source) {
        JsonNode root = tree(text, source);
        JsonNode ohlc = root.path("ohlc");
        if (!ohlc.isArray()) {
            throw source.refuse(Position.item("ohlc"), new Verbatim(ohlc.isMissingNode() ? "nothing" : "a JSON " + kind(ohlc)),
                    "an array of bars: " + BarFormat.TA4J_JSON.accepts());
        }
        List<Row> rows = new ArrayList<>(ohlc.size());
        for (int i = 0; i < ohlc.size(); i++) {
            JsonNode bar = ohlc.get(i);
            String path = "ohlc[" + i + "].";
            // endTime is the last millisecond inside the bar: the next bar opens one millisecond later.
            Instant end = epoch(bar.get("endTime"), path + "endTime", source).plusMillis(1);
            rows.add(new Row(i, end, decimal(bar.get("openPrice"), path + "openPrice", source),
                    decimal(bar.get("highPrice"), path + "highPrice", source),
                    decimal(bar.get("lowPrice"), path + "lowPrice", source),
                    decimal(bar.get("closePrice"), path + "closePrice", source),
                    decimal(bar.get("volume"), path + "volume", source)));
        }
        requireBars(rows, source, "ohlc");
        return new Parsed(rows, (item, field) -> Position.item("ohlc[" + item + "]"
                + (TA4J_FIELDS.containsKey(field) ? "." + TA4J_FIELDS.get(field) : "")), Optional.empty(), Optional.empty(), true);
    }

    static Parsed barsBody(String text, Source source) {
        JsonNode root = tree(text, source);
        if (!root.isObject()) {
            throw source.refuse(Position.item("(top level)"), new Verbatim("a JSON " + kind(root)), BarFormat.BARS_JSON.accepts());
        }
        Optional<String> symbol = root.path("symbol").isString() ? Optional.of(root.path("symbol").asString()) : Optional.empty();
        Optional<Duration> period = Optional.empty();
        JsonNode declared = root.get("period");
        if (declared != null && !declared.isNull()) {
            try {
                period = Optional.of(Duration.parse(declared.asString("")));
            } catch (DateTimeParseException e) {
                throw source.refuse(Position.item("period"), new Verbatim(declared.toString()),
                        "an ISO-8601 duration such as PT5M");
            }
        }
        JsonNode items = root.path("bars");
        if (!items.isArray()) {
            throw source.refuse(Position.item("bars"), new Verbatim(items.isMissingNode() ? "nothing" : "a JSON " + kind(items)),
                    "an array of bars: " + BarFormat.BARS_JSON.accepts());
        }
        List<Row> rows = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            JsonNode bar = items.get(i);
            String path = "bars[" + i + "].";
            JsonNode openTime = bar.get("openTime");
            Instant time = openTime != null && openTime.isString()
                    ? BarTimes.parse(openTime.asString()).orElseThrow(() ->
                            source.refuse(Position.item(path + "openTime"), openTime.asString(), BarTimes.ACCEPTED))
                    : epoch(openTime, path + "openTime", source);
            rows.add(new Row(i, time, decimal(bar.get("open"), path + "open", source),
                    decimal(bar.get("high"), path + "high", source), decimal(bar.get("low"), path + "low", source),
                    decimal(bar.get("close"), path + "close", source), decimal(bar.get("volume"), path + "volume", source)));
        }
        requireBars(rows, source, "bars");
        return new Parsed(rows, (item, field) -> Position.item("bars[" + item + "]"
                + (field.equals("symbol") || field.equals("period") ? "" : "." + field)), symbol, period, false);
    }

    private static void requireBars(List<Row> rows, Source source, String where) {
        if (rows.isEmpty()) {
            throw source.refuse(Position.item(where), new Verbatim("an empty array"), "at least one bar");
        }
    }

    private static JsonNode tree(String text, Source source) {
        try {
            return JSON.readTree(text);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            int line = at == null ? 0 : at.getLineNr();
            int column = at == null ? 0 : at.getColumnNr();
            Position position = line > 0
                    ? new Position(line, column, "line " + line + ", column " + column)
                    : Position.WHOLE_FILE;
            throw source.refuse(position, new Verbatim("text that is not well-formed JSON"),
                    source.format().map(BarFormat::accepts).orElse(BarsReader.anyFormat()));
        }
    }

    private static Instant epoch(JsonNode node, String path, Source source) {
        if (node == null || !node.isNumber()) {
            throw source.refuse(Position.item(path), new Verbatim(node == null ? "nothing" : node.toString()),
                    "an epoch time in ms (s or µs told by magnitude)");
        }
        return BarTimes.epoch(node.decimalValue()).orElseThrow(() -> source.refuse(Position.item(path),
                new Verbatim(node.toString()), "an epoch time in s, ms or µs after 1970"));
    }

    private static BigDecimal decimal(JsonNode node, String path, Source source) {
        if (node != null && node.isNumber()) {
            return node.decimalValue();
        }
        if (node != null && node.isString()) {
            return BarTimes.decimal(node.asString().trim()).orElseThrow(() ->
                    source.refuse(Position.item(path), node.asString(), NUMBER));
        }
        throw source.refuse(Position.item(path), new Verbatim(node == null ? "nothing" : node.toString()), NUMBER);
    }

    private static String kind(JsonNode node) {
        return node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }
}
