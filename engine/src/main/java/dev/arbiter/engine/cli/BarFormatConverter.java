package dev.arbiter.engine.cli;

import dev.arbiter.mlbridge.marketdata.BarFormat;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --format NAME}: one of the bar file formats, by name. */
final class BarFormatConverter implements ITypeConverter<BarFormat> {

    /** The help text of every {@code --format} option. */
    static final String HELP = "force the bar file format instead of detecting it: csv, binance-klines, zip, ohlcv-json,"
            + " ta4j-json or bars-json";

    /** The help text of every {@code --bars} option that reads bar files. */
    static final String FORMATS = "bars file: CSV with a header (time column timestamp, date, time, open_time or datetime,"
            + " ISO-8601 or epoch s/ms/µs; open, high, low, close, volume in any order), a Binance kline CSV or ZIP,"
            + " CCXT/freqtrade OHLCV JSON, ta4j JSON, or bars JSON as POST /v1/market/bars takes it";

    @Override
    public BarFormat convert(String value) {
        return BarFormat.named(value).orElseThrow(() -> new TypeConversionException(
                "'" + value + "' is not a bar file format; expected one of " + BarFormat.names()));
    }
}
