package dev.arbiter.mlbridge.marketdata;

import dev.arbiter.kb.InvalidFactException;
import dev.arbiter.kb.fact.Bar;
import dev.arbiter.mlbridge.marketdata.BarFileException.Position;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads bars from a file in any {@link BarFormat}: the format is told by the content (a ZIP's signature, a JSON array
 * or object, a CSV whose first cell is a number or a header), the file name's extension settling an empty file, or
 * forced by the caller. Every refusal is a {@link BarFileException} naming the file, the format, the line and column
 * (or JSON path), the value and what is accepted.
 *
 * <p>The period is the one given, else the one the file states (bars JSON {@code period}; a Binance kline's close
 * time), else the smallest step between the first thousand times, in time order. Bars are checked one by one as
 * {@link Bar} facts; their order, duplicates and gaps are left to the consumer.
 */
public final class BarsReader {

    /** Largest file accepted inside a ZIP, so that a small upload cannot expand without bound. */
    static final long MAX_ZIP_ENTRY_BYTES = 512L * 1024 * 1024;

    private static final int PERIOD_SAMPLE = 1000;

    /**
     * What the caller knows about a file.
     *
     * @param symbol the bars' symbol; when empty, the file must name it (bars JSON does)
     * @param period the bars' period; when empty, the file's own or the one inferred from its times
     * @param format the format to read the file as; when empty, detected from the content
     */
    public record Options(Optional<String> symbol, Optional<Duration> period, Optional<BarFormat> format) {

        public static Options forSymbol(String symbol) {
            return new Options(Optional.ofNullable(symbol), Optional.empty(), Optional.empty());
        }

        /** The same options with this period (null leaves it to the file). */
        public Options period(Duration bars) {
            return new Options(symbol, Optional.ofNullable(bars), format);
        }

        /** The same options with this format forced (null detects it). */
        public Options format(BarFormat forced) {
            return new Options(symbol, period, Optional.ofNullable(forced));
        }
    }

    /** What a format's parser found before the bars are made: rows, and what the file itself says. */
    record Parsed(List<Row> rows, Locator locator, Optional<String> symbol, Optional<Duration> period,
                  boolean timesAreEnds) {
    }

    /** One bar as read: its position (line or item index), its time and its prices. */
    record Row(int position, Instant time, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close,
               BigDecimal volume) {
    }

    /** Where a bar's field sits in the file, for messages. */
    @FunctionalInterface
    interface Locator {
        Position at(int position, String barField);
    }

    /** The file being read, as messages name it, and the format it is read as. */
    record Source(String file, Optional<BarFormat> format) {

        BarFileException refuse(Position position, Object value, String accepted) {
            return new BarFileException(file, format, position, value, accepted);
        }

        BarFileException refuseFile(Object value) {
            return refuse(Position.WHOLE_FILE, value, format.map(BarFormat::accepts).orElse(BarsReader.anyFormat()));
        }
    }

    /** A value to print as it is, already rendered by whoever refused it. */
    record Verbatim(String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    private BarsReader() {
    }

    /** Reads a file; its name is a hint to the format and names it in messages. */
    public static BarFile read(Path file, Options options) throws IOException {
        return read(Files.readAllBytes(file), file.toString(), options);
    }

    /** Reads a file's content; {@code name} is a hint to the format (its extension) and names it in messages. */
    public static BarFile read(byte[] content, String name, Options options) {
        BarFormat format = options.format().orElseGet(() -> detect(content, name));
        if (format instanceof BarFormat.Zip || isZip(content)) {
            return unzip(content, name, options);
        }
        return readAs(format, content, name, options);
    }

    /** The format a file's content is in, the name's extension settling an empty file. */
    public static BarFormat detect(byte[] content, String name) {
        if (isZip(content)) {
            return BarFormat.ZIP;
        }
        String text = Text.of(content);
        int first = Text.firstNonBlank(text);
        if (first < 0) {
            String lower = name.toLowerCase(Locale.ROOT);
            return lower.endsWith(".zip") ? BarFormat.ZIP : lower.endsWith(".json") ? BarFormat.OHLCV_JSON : BarFormat.HEADER_CSV;
        }
        char c = text.charAt(first);
        if (c == '[') {
            return BarFormat.OHLCV_JSON;
        }
        if (c == '{') {
            return JsonBars.objectFormat(text);
        }
        return CsvBars.headerless(text) ? BarFormat.BINANCE_KLINES : BarFormat.HEADER_CSV;
    }

    static String anyFormat() {
        return "bars in one of the formats " + BarFormat.names();
    }

    private static BarFile readAs(BarFormat format, byte[] content, String name, Options options) {
        Source source = new Source(name, Optional.of(format));
        String text = Text.of(content);
        if (Text.firstNonBlank(text) < 0) {
            throw source.refuse(Position.WHOLE_FILE, new Verbatim("an empty file"), format.accepts());
        }
        Parsed parsed = switch (format) {
            case BarFormat.HeaderCsv c -> CsvBars.withHeader(text, source);
            case BarFormat.BinanceKlines k -> CsvBars.binanceKlines(text, source);
            case BarFormat.OhlcvJson o -> JsonBars.ohlcvArrays(text, source);
            case BarFormat.Ta4jJson t -> JsonBars.ta4j(text, source);
            case BarFormat.BarsJson b -> JsonBars.barsBody(text, source);
            case BarFormat.Zip z -> throw new IllegalStateException("a ZIP is opened before its content is read");
        };
        return build(format, source, parsed, options);
    }

    private static BarFile build(BarFormat format, Source source, Parsed parsed, Options options) {
        List<Row> rows = parsed.rows();
        String symbol = options.symbol().or(parsed::symbol).orElseThrow(() -> source.refuse(Position.WHOLE_FILE,
                new Verbatim("no symbol"), "a symbol given with the file, as this format does not name one"));
        Duration period = options.period().or(parsed::period).orElseGet(() -> inferPeriod(rows, source));
        List<Bar> bars = new ArrayList<>(rows.size());
        int[] positions = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            Instant open = parsed.timesAreEnds() ? row.time().minus(period) : row.time();
            try {
                bars.add(new Bar(symbol, open, period, row.open(), row.high(), row.low(), row.close(), row.volume()));
            } catch (InvalidFactException e) {
                throw source.refuse(parsed.locator().at(row.position(), e.field()), new Verbatim(e.value()), e.accepted());
            }
            positions[i] = row.position();
        }
        return new BarFile(format, symbol, period, bars, positions);
    }

    private static Duration inferPeriod(List<Row> rows, Source source) {
        // sorted, so that a newest-first file or a bar out of place does not make a step of its own
        List<Instant> times = rows.stream().limit(PERIOD_SAMPLE).map(Row::time).sorted().toList();
        Duration smallest = null;
        for (int i = 1; i < times.size(); i++) {
            Duration step = Duration.between(times.get(i - 1), times.get(i));
            if (step.isPositive() && (smallest == null || step.compareTo(smallest) < 0)) {
                smallest = step;
            }
        }
        if (smallest == null) {
            throw source.refuse(Position.WHOLE_FILE, new Verbatim(rows.size() + " bar(s) without two increasing times"),
                    "at least two increasing times to infer the bar period, or the period given with the file");
        }
        return smallest;
    }

    private static boolean isZip(byte[] content) {
        return content.length >= 4 && content[0] == 'P' && content[1] == 'K'
                && ((content[2] == 3 && content[3] == 4) || (content[2] == 5 && content[3] == 6));
    }

    private static BarFile unzip(byte[] content, String name, Options options) {
        Source source = new Source(name, Optional.of(BarFormat.ZIP));
        if (content.length == 0) {
            throw source.refuse(Position.WHOLE_FILE, new Verbatim("an empty file"), BarFormat.ZIP.accepts());
        }
        if (!isZip(content)) {
            throw source.refuse(Position.WHOLE_FILE, new Verbatim("a file that is not a ZIP"), BarFormat.ZIP.accepts());
        }
        List<String> names = new ArrayList<>();
        byte[] inner = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.isDirectory() || entry.getName().startsWith("__MACOSX/")) {
                    continue;
                }
                names.add(entry.getName());
                if (names.size() == 1) {
                    inner = readBounded(zip, source, entry.getName());
                }
            }
        } catch (ZipException e) {
            throw source.refuse(Position.WHOLE_FILE, new Verbatim("a damaged ZIP"), BarFormat.ZIP.accepts());
        } catch (IOException e) {
            throw source.refuse(Position.WHOLE_FILE, new Verbatim("a ZIP that cannot be read to its end"),
                    BarFormat.ZIP.accepts());
        }
        if (names.size() != 1) {
            throw source.refuse(Position.WHOLE_FILE,
                    new Verbatim(names.isEmpty() ? "a ZIP with no file inside" : "a ZIP with " + names.size() + " files " + names),
                    BarFormat.ZIP.accepts());
        }
        byte[] entry = inner;
        String entryName = name + ", entry " + names.get(0);
        Options inside = options.format().filter(f -> !(f instanceof BarFormat.Zip)).isPresent()
                ? options : options.format(null);
        BarFormat format = inside.format().orElseGet(() -> detect(entry, names.get(0)));
        if (format instanceof BarFormat.Zip) {
            throw source.refuse(Position.WHOLE_FILE, new Verbatim("a ZIP inside the ZIP (" + names.get(0) + ")"),
                    BarFormat.ZIP.accepts());
        }
        return readAs(format, entry, entryName, inside);
    }

    private static byte[] readBounded(InputStream in, Source source, String entry) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            total += n;
            if (total > MAX_ZIP_ENTRY_BYTES) {
                throw source.refuse(Position.WHOLE_FILE, new Verbatim(entry + " larger than " + MAX_ZIP_ENTRY_BYTES + " bytes"),
                        "a file inside the ZIP of at most " + MAX_ZIP_ENTRY_BYTES + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** Text helpers shared by the parsers. */
    static final class Text {

        private Text() {
        }

        /** UTF-8 text without a byte-order mark. */
        static String of(byte[] content) {
            String text = new String(content, java.nio.charset.StandardCharsets.UTF_8);
            return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
        }

        static int firstNonBlank(String text) {
            for (int i = 0; i < text.length(); i++) {
                if (!Character.isWhitespace(text.charAt(i))) {
                    return i;
                }
            }
            return -1;
        }
    }
}
