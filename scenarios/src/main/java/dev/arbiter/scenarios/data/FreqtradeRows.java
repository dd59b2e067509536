package dev.arbiter.scenarios.data;

import dev.arbiter.scenarios.spec.InvalidScenarioException;
import java.io.BufferedReader;
import java.io.IOException;

/**
 * The rows of a file in freqtrade's CSV layout ({@code date,open,high,low,close,volume}, header already read): blank
 * lines skipped, every other line six comma-separated cells, numbered as the file counts them (the header is line 1)
 * so that a message can point at the line.
 */
public final class FreqtradeRows {

    /** One row: its line number, its text and its six cells. */
    @FunctionalInterface
    public interface Row {
        void accept(int number, String line, String[] cells);
    }

    private FreqtradeRows() {
    }

    /**
     * @param where how messages name the file, e.g. {@code market[0].file}
     * @throws InvalidScenarioException naming the line when it does not hold six cells
     */
    public static void read(BufferedReader reader, String where, Row row) throws IOException {
        String line;
        int number = 1;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",");
            if (cells.length != 6) {
                throw new InvalidScenarioException(where + " line " + number, "'" + line + "'",
                        "6 comma-separated values");
            }
            row.accept(number, line, cells);
        }
    }
}
