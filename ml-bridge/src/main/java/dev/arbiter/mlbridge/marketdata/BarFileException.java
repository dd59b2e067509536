package dev.arbiter.mlbridge.marketdata;

import java.util.Objects;
import java.util.Optional;

/**
 * A bar file that cannot be read. The message names the file, the format it was read as, where in it (line and column
 * for CSV, the item's path for JSON), the value found and what would be accepted.
 */
public final class BarFileException extends IllegalArgumentException {

    private final String file;
    private final Optional<BarFormat> format;
    private final String at;
    private final int line;
    private final int column;
    private final String value;
    private final String accepted;

    BarFileException(String file, Optional<BarFormat> format, Position position, Object value, String accepted) {
        super(file + " (" + format.map(BarFormat::title).orElse("format not recognised") + ")"
                + (position.text().isEmpty() ? "" : " " + position.text()) + ": " + render(value)
                + " is not accepted; expected " + accepted);
        this.file = Objects.requireNonNull(file);
        this.format = format;
        this.at = position.text();
        this.line = position.line();
        this.column = position.column();
        this.value = render(value);
        this.accepted = Objects.requireNonNull(accepted);
    }

    /** Where in a file a value sits: a 1-based line and column (0 when not applicable) and how to say it. */
    record Position(int line, int column, String text) {

        static final Position WHOLE_FILE = new Position(0, 0, "");

        static Position line(int line) {
            return new Position(line, 0, "line " + line);
        }

        static Position cell(int line, int column, String name) {
            return new Position(line, column, "line " + line + ", column " + column + " (" + name + ")");
        }

        static Position item(String path) {
            return new Position(0, 0, path);
        }
    }

    private static String render(Object value) {
        if (value == null) {
            return "nothing";
        }
        String text = String.valueOf(value);
        if (text.length() > 120) {
            text = text.substring(0, 117) + "...";
        }
        return value instanceof CharSequence ? "'" + text + "'" : text;
    }

    /** The file as the caller named it (a path, or how a request body is called). */
    public String file() {
        return file;
    }

    /** The format the file was read as; empty when it could not be recognised. */
    public Optional<BarFormat> format() {
        return format;
    }

    /** Where in the file, e.g. {@code line 3, column 4 (high)} or {@code bars[2].close}; empty for the whole file. */
    public String at() {
        return at;
    }

    /** The 1-based line, or 0 when the problem has no line. */
    public int line() {
        return line;
    }

    /** The 1-based column, or 0 when the problem has no column. */
    public int column() {
        return column;
    }

    public String value() {
        return value;
    }

    public String accepted() {
        return accepted;
    }
}
