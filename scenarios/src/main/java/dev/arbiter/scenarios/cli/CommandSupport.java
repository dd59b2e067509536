package dev.arbiter.scenarios.cli;

import dev.arbiter.engine.decision.InvalidRequestException;
import dev.arbiter.scenarios.data.MissingMarketDataException;
import dev.arbiter.scenarios.spec.InvalidScenarioException;
import dev.arbiter.scenarios.spec.ScenarioFiles;
import dev.arbiter.scenarios.spec.ScenarioSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Exit codes and error handling every scenario command shares. */
final class CommandSupport {

    /** The run finished but at least one expectation did not hold. */
    static final int EXPECTATIONS_FAILED = 3;

    private CommandSupport() {
    }

    static ScenarioSpec read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InvalidScenarioException("FILE", "'" + file + "'", "an existing scenario file (.yaml)");
        }
        return ScenarioFiles.read(file);
    }

    /** Runs {@code body}, turning bad input into exit code 2 with the message on stderr. */
    static int guarded(Callable<Integer> body) throws Exception {
        try {
            return body.call();
        } catch (InvalidScenarioException | InvalidRequestException | MissingMarketDataException e) {
            System.err.println("arbiter scenario: " + e.getMessage());
            return 2;
        }
    }
}
