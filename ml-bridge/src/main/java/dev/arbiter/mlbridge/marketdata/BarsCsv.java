package dev.arbiter.mlbridge.marketdata;

import dev.arbiter.kb.InvalidFactException;
import dev.arbiter.kb.fact.Bar;
import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads a bars CSV: a header {@code time,open,high,low,close,volume} ({@code date} is accepted for
 * {@code time}), one bar per line, the time being the bar's open as ISO-8601 UTC
 * ({@code 2024-01-01T00:00:00Z}) or epoch milliseconds. The period is the smallest step between
 * consecutive times unless given. Each bad value is reported with its line and column; order,
 * duplicates and gaps are left to the consumer (see {@code StreamingFeatures}).
 */
public final class BarsCsv {

    private static final List<String> COLUMNS = List.of("time", "open", "high", "low", "close", "volume");

    /** The bars with the file line each came from. */
    public record File(List<Bar> bars, int[] lines, Duration period) {

        /** The 1-based line of bar {@code index}. */
        public int line(int index) {
            return lines[index];
        }
    }

    private BarsCsv() {
    }

    /**
     * @param period the bar length, or null to infer it from the times
     * @throws InvalidFactException naming the line, the column, the value and what is accepted
     */
    public static File read(Path path, String symbol, Duration period) throws IOException {
        List<String[]> rows = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            requireHeader(header);
            String line;
            int number = 1;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (cells.length != COLUMNS.size()) {
                    throw new InvalidFactException("BarsCsv", "line " + number, line,
                            COLUMNS.size() + " comma-separated cells " + COLUMNS);
                }
                rows.add(cells);
                lineNumbers.add(number);
            }
        }
        if (rows.isEmpty()) {
            throw new InvalidFactException("BarsCsv", "rows", 0, "at least one bar after the header");
        }
        Instant[] times = new Instant[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            times[i] = time(rows.get(i)[0].trim(), lineNumbers.get(i));
        }
        Duration barPeriod = period != null ? period : inferPeriod(times);
        List<Bar> bars = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            String[] cells = rows.get(i);
            int line = lineNumbers.get(i);
            try {
                bars.add(new Bar(symbol, times[i], barPeriod, number(cells[1], line, "open"), number(cells[2], line, "high"),
                        number(cells[3], line, "low"), number(cells[4], line, "close"), number(cells[5], line, "volume")));
            } catch (InvalidFactException e) {
                if (e.fact().equals("BarsCsv")) {
                    throw e;
                }
                throw new InvalidFactException("BarsCsv", "line " + line + " " + e.field(), e.value(), e.accepted());
            }
        }
        return new File(bars, lineNumbers.stream().mapToInt(Integer::intValue).toArray(), barPeriod);
    }

    private static void requireHeader(String header) {
        List<String> names = header == null ? List.of() : Arrays.stream(header.split(",", -1))
                .map(s -> s.trim().toLowerCase(Locale.ROOT)).map(s -> s.equals("date") ? "time" : s).toList();
        if (!names.equals(COLUMNS)) {
            throw new InvalidFactException("BarsCsv", "line 1 (header)", header, String.join(",", COLUMNS));
        }
    }

    private static Instant time(String cell, int line) {
        try {
            if (!cell.isEmpty() && cell.chars().allMatch(Character::isDigit)) {
                return Instant.ofEpochMilli(Long.parseLong(cell));
            }
            return Instant.parse(cell);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new InvalidFactException("BarsCsv", "line " + line + " time", cell,
                    "an ISO-8601 UTC time such as 2024-01-01T00:00:00Z or epoch milliseconds");
        }
    }

    private static BigDecimal number(String cell, int line, String column) {
        String trimmed = cell.trim();
        try {
            return new BigDecimal(trimmed);
        } catch (NumberFormatException e) {
            throw new InvalidFactException("BarsCsv", "line " + line + " " + column, trimmed,
                    "a decimal number (NaN and empty cells are not prices)");
        }
    }

    private static Duration inferPeriod(Instant[] times) {
        Duration smallest = null;
        for (int i = 1; i < Math.min(times.length, 1000); i++) {
            Duration step = Duration.between(times[i - 1], times[i]);
            if (step.isPositive() && (smallest == null || step.compareTo(smallest) < 0)) {
                smallest = step;
            }
        }
        if (smallest == null) {
            throw new InvalidFactException("BarsCsv", "time", times.length + " bar(s)",
                    "at least two increasing times to infer the bar period, or a period given explicitly");
        }
        return smallest;
    }
}
