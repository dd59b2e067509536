package dev.arbiter.mlbridge.marketdata;

import dev.arbiter.kb.fact.Bar;
import java.time.Duration;
import java.util.List;

/**
 * The bars read from one file, in file order, with where each came from.
 *
 * @param format    the format the file was read as (for a ZIP, the format of the file inside it)
 * @param positions per bar, its 1-based line for CSV formats or its 0-based item index for JSON formats
 */
public record BarFile(BarFormat format, String symbol, Duration period, List<Bar> bars, int[] positions) {

    public BarFile {
        bars = List.copyOf(bars);
        positions = positions.clone();
    }

    /** Where bar {@code index} sits in the file: {@code line 12} for CSV, the item's path (e.g. {@code bars[3]}) for JSON. */
    public String where(int index) {
        int position = positions[index];
        return switch (format) {
            case BarFormat.HeaderCsv c -> "line " + position;
            case BarFormat.BinanceKlines k -> "line " + position;
            case BarFormat.Zip z -> "line " + position;
            case BarFormat.OhlcvJson o -> "[" + position + "]";
            case BarFormat.Ta4jJson t -> "ohlc[" + position + "]";
            case BarFormat.BarsJson b -> "bars[" + position + "]";
        };
    }
}
