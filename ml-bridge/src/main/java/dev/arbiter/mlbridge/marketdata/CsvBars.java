package dev.arbiter.mlbridge.marketdata;

import dev.arbiter.mlbridge.marketdata.BarFileException.Position;
import dev.arbiter.mlbridge.marketdata.BarsReader.Parsed;
import dev.arbiter.mlbridge.marketdata.BarsReader.Row;
import dev.arbiter.mlbridge.marketdata.BarsReader.Source;
import dev.arbiter.mlbridge.marketdata.BarsReader.Verbatim;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The CSV formats: a CSV with a header, and Binance's headerless 12-column klines. */
final class CsvBars {

    /** Names a header may give the time column, in lower case. */
    static final List<String> TIME_COLUMNS = List.of("timestamp", "date", "time", "open_time", "datetime");
    private static final List<String> PRICE_COLUMNS = List.of("open", "high", "low", "close", "volume");
    private static final Set<String> BAR_FIELDS = Set.of("open", "high", "low", "close", "volume");
    private static final int KLINE_COLUMNS = 12;
    private static final String NUMBER = "a decimal number (NaN and empty cells are not prices)";

    private CsvBars() {
    }

    /** True when the first non-blank line starts with a number: a file without a header. */
    static boolean headerless(String text) {
        String first = new Lines(text).next();
        if (first == null) {
            return false;
        }
        String cell = unquote(first.split(",", -1)[0]);
        return !cell.isEmpty() && Character.isDigit(cell.charAt(0)) && BarTimes.decimal(cell).isPresent();
    }

    static Parsed withHeader(String text, Source source) {
        Lines lines = new Lines(text);
        String header = lines.next();
        int headerLine = lines.number();
        String[] names = Arrays.stream(header.split(",", -1)).map(c -> unquote(c).toLowerCase(Locale.ROOT))
                .toArray(String[]::new);
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            String name = names[i];
            String role = TIME_COLUMNS.contains(name) ? "time" : PRICE_COLUMNS.contains(name) ? name : null;
            if (role == null) {
                continue; // extra columns are ignored
            }
            if (role.equals("time") && columns.containsKey("time")) {
                continue; // a second time column (e.g. both date and timestamp): the first one counts
            }
            if (columns.putIfAbsent(role, i) != null) {
                throw source.refuse(Position.cell(headerLine, i + 1, name), header,
                        "a header naming each of open, high, low, close, volume once");
            }
        }
        List<String> missing = new ArrayList<>();
        if (!columns.containsKey("time")) {
            missing.add("a time column (" + String.join(", ", TIME_COLUMNS) + ")");
        }
        PRICE_COLUMNS.stream().filter(c -> !columns.containsKey(c)).forEach(missing::add);
        if (!missing.isEmpty()) {
            throw source.refuse(Position.line(headerLine), header, "a header naming a time column ("
                    + String.join(", ", TIME_COLUMNS) + ") and open, high, low, close, volume in any order, case-insensitive;"
                    + " missing: " + String.join(", ", missing));
        }
        int time = columns.get("time");
        int[] price = PRICE_COLUMNS.stream().mapToInt(columns::get).toArray();
        List<Row> rows = new ArrayList<>();
        for (String line = lines.next(); line != null; line = lines.next()) {
            int number = lines.number();
            String[] cells = line.split(",", -1);
            if (cells.length != names.length) {
                throw source.refuse(Position.line(number), line,
                        names.length + " comma-separated cells, as many as the header names");
            }
            rows.add(row(number, cells, time, names[time], price, source));
        }
        if (rows.isEmpty()) {
            throw source.refuse(Position.line(headerLine), new Verbatim("a header and no bar"), "at least one bar after the header");
        }
        Locator locator = new Locator(time, names[time], price);
        return new Parsed(rows, locator::at, Optional.empty(), Optional.empty(), false);
    }

    static Parsed binanceKlines(String text, Source source) {
        Lines lines = new Lines(text);
        List<Row> rows = new ArrayList<>();
        int[] price = {1, 2, 3, 4, 5};
        Optional<Duration> period = Optional.empty();
        for (String line = lines.next(); line != null; line = lines.next()) {
            int number = lines.number();
            String[] cells = line.split(",", -1);
            if (cells.length != KLINE_COLUMNS) {
                throw source.refuse(Position.line(number), line, BarFormat.BINANCE_KLINES.accepts() + "; this line has "
                        + cells.length);
            }
            Row row = row(number, cells, 0, "open time", price, source);
            if (rows.isEmpty()) {
                period = Optional.of(klinePeriod(number, cells, row.time(), source));
            }
            rows.add(row);
        }
        Locator locator = new Locator(0, "open time", price);
        return new Parsed(rows, locator::at, Optional.empty(), period, false);
    }

    /** A kline's close time is the last instant inside it: the period is close − open plus one unit. */
    private static Duration klinePeriod(int line, String[] cells, Instant open, Source source) {
        String cell = unquote(cells[6]);
        Optional<BigDecimal> number = BarTimes.decimal(cell);
        Optional<BarTimes.Unit> unit = number.flatMap(BarTimes::unit);
        Optional<Instant> close = number.flatMap(BarTimes::epoch);
        if (unit.isEmpty() || close.isEmpty() || !close.get().isAfter(open)) {
            throw source.refuse(Position.cell(line, 7, "close time"), cell,
                    "the bar's close time in epoch ms or µs, after its open time");
        }
        return Duration.between(open, close.get()).plusNanos(unit.get().nanos);
    }

    private static Row row(int line, String[] cells, int time, String timeName, int[] price, Source source) {
        String timeCell = unquote(cells[time]);
        Instant at = BarTimes.parse(timeCell).orElseThrow(() ->
                source.refuse(Position.cell(line, time + 1, timeName), timeCell, BarTimes.ACCEPTED));
        BigDecimal[] values = new BigDecimal[price.length];
        for (int i = 0; i < price.length; i++) {
            String cell = unquote(cells[price[i]]);
            int column = price[i];
            String name = PRICE_COLUMNS.get(i);
            values[i] = BarTimes.decimal(cell).orElseThrow(() ->
                    source.refuse(Position.cell(line, column + 1, name), cell, NUMBER));
        }
        return new Row(line, at, values[0], values[1], values[2], values[3], values[4]);
    }

    private static String unquote(String cell) {
        String t = cell.trim();
        return t.length() >= 2 && t.charAt(0) == '"' && t.charAt(t.length() - 1) == '"' ? t.substring(1, t.length() - 1).trim() : t;
    }

    /** Maps a bar's field to its cell. */
    private record Locator(int time, String timeName, int[] price) {

        Position at(int line, String field) {
            if (field.equals("openTime")) {
                return Position.cell(line, time + 1, timeName);
            }
            if (BAR_FIELDS.contains(field)) {
                return Position.cell(line, price[PRICE_COLUMNS.indexOf(field)] + 1, field);
            }
            return Position.line(line);
        }
    }

    /** Non-blank lines with their 1-based numbers, line ends {@code \n} or {@code \r\n}. */
    private static final class Lines {
        private final String text;
        private int start;
        private int number;

        Lines(String text) {
            this.text = text;
        }

        /** The next non-blank line, or null at the end. */
        String next() {
            while (start < text.length()) {
                int end = text.indexOf('\n', start);
                if (end < 0) {
                    end = text.length();
                }
                String line = text.substring(start, end > start && text.charAt(end - 1) == '\r' ? end - 1 : end);
                start = end + 1;
                number++;
                if (!line.isBlank()) {
                    return line;
                }
            }
            return null;
        }

        int number() {
            return number;
        }
    }
}
