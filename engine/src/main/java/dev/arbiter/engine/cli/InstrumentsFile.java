package dev.arbiter.engine.cli;

import dev.arbiter.rules.pack.InstrumentSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** A rule-set directory's {@code instruments.json}, read the way the rule-set lifecycle reads an upload of it. */
final class InstrumentsFile {

    private InstrumentsFile() {
    }

    /**
     * @return empty when the directory has no instruments file
     * @throws IllegalArgumentException naming the file, the entry, the field and the value when it is not valid
     */
    static Optional<InstrumentSet> read(Path directory) throws IOException {
        Path file = directory.resolve(InstrumentSet.FILE);
        return Files.exists(file) ? Optional.of(InstrumentSet.fromJson(file.toString(), Files.readString(file)))
                : Optional.empty();
    }
}
