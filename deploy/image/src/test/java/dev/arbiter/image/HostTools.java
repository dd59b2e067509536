package dev.arbiter.image;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Tools of the machine the tests run on, found on its PATH. */
final class HostTools {

    private HostTools() {
    }

    static Optional<Path> find(String tool) {
        for (String directory : System.getenv("PATH").split(":")) {
            Path candidate = Path.of(directory, tool);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The tool's full path, for a process whose own PATH is not this machine's. */
    static String path(String tool) {
        return find(tool).orElseThrow(() -> new IllegalStateException(tool + " is not on the PATH")).toString();
    }
}
