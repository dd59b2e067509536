package dev.arbiter.engine.decision;

import dev.arbiter.engine.json.DecisionRequestReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The documented example request (real ETH-USD bars), as the README and {@code arbiter decide} use it. */
public final class ExampleRequests {

    public static final Path EXAMPLE = Path.of("..", "docs", "examples", "decision-request.json");

    private ExampleRequests() {
    }

    public static byte[] exampleBytes() {
        try {
            return Files.readAllBytes(EXAMPLE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static DecisionRequest example() {
        return DecisionRequestReader.read(exampleBytes());
    }
}
