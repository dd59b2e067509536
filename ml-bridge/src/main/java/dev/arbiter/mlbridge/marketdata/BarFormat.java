package dev.arbiter.mlbridge.marketdata;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The bar file formats {@link BarsReader} understands, each with a stable name (for a {@code --format} option or a
 * scenario's {@code format:}) and a sentence saying what it holds, used in error messages.
 */
public sealed interface BarFormat {

    /** A CSV with a header naming a time column and open, high, low, close, volume in any order. */
    BarFormat HEADER_CSV = new HeaderCsv();
    /** Binance's public kline CSV (data.binance.vision): no header, 12 columns. */
    BarFormat BINANCE_KLINES = new BinanceKlines();
    /** A ZIP holding exactly one CSV, as Binance publishes its kline files. */
    BarFormat ZIP = new Zip();
    /** CCXT's {@code fetch_ohlcv} result and freqtrade's JSON data files: {@code [[ts, o, h, l, c, v], ...]}. */
    BarFormat OHLCV_JSON = new OhlcvJson();
    /** ta4j's JSON bar files: {@code {name, ohlc: [{endTime, openPrice, ...}]}}. */
    BarFormat TA4J_JSON = new Ta4jJson();
    /** The body {@code POST /v1/market/bars} takes: {@code {symbol, period, bars: [{openTime, open, ...}]}}. */
    BarFormat BARS_JSON = new BarsJson();

    /** The name used to force the format, e.g. {@code binance-klines}. */
    String name();

    /** What the format holds, in a few words, e.g. {@code Binance klines CSV}. */
    String title();

    /** A description of a well-formed file, said when a file is refused. */
    String accepts();

    /** Every format, in the order detection considers them. */
    static List<BarFormat> all() {
        return List.of(HEADER_CSV, BINANCE_KLINES, ZIP, OHLCV_JSON, TA4J_JSON, BARS_JSON);
    }

    /** The format of that name (case-insensitive), if any. */
    static Optional<BarFormat> named(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return all().stream().filter(f -> f.name().equals(wanted)).findFirst();
    }

    /** The names, for messages and help texts: {@code csv, binance-klines, ...}. */
    static String names() {
        return String.join(", ", all().stream().map(BarFormat::name).toList());
    }

    record HeaderCsv() implements BarFormat {
        @Override
        public String name() {
            return "csv";
        }

        @Override
        public String title() {
            return "CSV with a header";
        }

        @Override
        public String accepts() {
            return "a header naming a time column (timestamp, date, time, open_time or datetime) and open, high, low,"
                    + " close, volume in any order, then one bar per line; times ISO-8601 UTC or epoch s, ms or µs";
        }
    }

    record BinanceKlines() implements BarFormat {
        @Override
        public String name() {
            return "binance-klines";
        }

        @Override
        public String title() {
            return "Binance klines CSV";
        }

        @Override
        public String accepts() {
            return "12 comma-separated columns without a header: open time (epoch ms or µs), open, high, low, close,"
                    + " volume, close time, quote volume, trades, taker buy base, taker buy quote, ignore";
        }
    }

    record Zip() implements BarFormat {
        @Override
        public String name() {
            return "zip";
        }

        @Override
        public String title() {
            return "ZIP";
        }

        @Override
        public String accepts() {
            return "a ZIP holding exactly one CSV file (Binance klines or a CSV with a header)";
        }
    }

    record OhlcvJson() implements BarFormat {
        @Override
        public String name() {
            return "ohlcv-json";
        }

        @Override
        public String title() {
            return "CCXT/freqtrade OHLCV JSON";
        }

        @Override
        public String accepts() {
            return "a JSON array of [time, open, high, low, close, volume] arrays, time in epoch ms (s and µs by"
                    + " magnitude)";
        }
    }

    record Ta4jJson() implements BarFormat {
        @Override
        public String name() {
            return "ta4j-json";
        }

        @Override
        public String title() {
            return "ta4j JSON bars";
        }

        @Override
        public String accepts() {
            return "a JSON object {\"ohlc\": [{\"endTime\", \"openPrice\", \"highPrice\", \"lowPrice\", \"closePrice\","
                    + " \"volume\"}, ...]} with end times in epoch ms";
        }
    }

    record BarsJson() implements BarFormat {
        @Override
        public String name() {
            return "bars-json";
        }

        @Override
        public String title() {
            return "bars JSON";
        }

        @Override
        public String accepts() {
            return "a JSON object {\"symbol\", \"period\", \"bars\": [{\"openTime\", \"open\", \"high\", \"low\","
                    + " \"close\", \"volume\"}, ...]} as POST /v1/market/bars takes it";
        }
    }
}
