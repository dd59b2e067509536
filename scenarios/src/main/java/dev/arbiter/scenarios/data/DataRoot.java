package dev.arbiter.scenarios.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the shared market-data files are: the system property {@code arbiter.data.dir} or the
 * environment variable {@code ARBITER_DATA_DIR} when set, else a {@code shared/data} folder beside
 * the repository or beside any folder above it (the repository's {@code ../shared/data}).
 */
public final class DataRoot {

    private DataRoot() {
    }

    /** The data root seen from {@code start} (a folder inside the repository), if there is one. */
    public static Optional<Path> find(Path start) {
        String configured = System.getProperty("arbiter.data.dir", System.getenv("ARBITER_DATA_DIR"));
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured).toAbsolutePath().normalize();
            return Files.isDirectory(path) ? Optional.of(path) : Optional.empty();
        }
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The data root seen from the working directory. */
    public static Optional<Path> find() {
        return find(Path.of(""));
    }
}
