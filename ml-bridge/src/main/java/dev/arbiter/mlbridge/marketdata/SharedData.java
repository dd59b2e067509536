package dev.arbiter.mlbridge.marketdata;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the real market-data folder kept beside the repository ({@code ../shared/data} from the
 * repository root, or from a folder further up), or wherever {@code ARBITER_DATA_DIR} (system
 * property or environment) points.
 * Tests that need it skip when it is absent.
 */
public final class SharedData {

    public static final String VARIABLE = "ARBITER_DATA_DIR";

    private SharedData() {
    }

    public static Optional<Path> directory() {
        String configured = System.getProperty(VARIABLE, System.getenv(VARIABLE));
        if (configured != null && !configured.isBlank()) {
            Path dir = Path.of(configured);
            return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
        }
        // From the working directory (the repository root or a module in it) upwards, the first
        // sibling folder shared/data: ../shared/data of the repository root when it is there.
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** A file inside the data folder, if the folder and the file exist. */
    public static Optional<Path> file(String relative) {
        return directory().map(d -> d.resolve(relative)).filter(Files::isRegularFile);
    }
}
