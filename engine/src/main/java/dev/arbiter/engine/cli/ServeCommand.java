package dev.arbiter.engine.cli;

import dev.arbiter.engine.service.ArbiterService;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code arbiter serve}: the HTTP service on embedded defaults. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the decision service (HTTP, port 8080 unless --port says otherwise).")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT", description = "HTTP port (default ${DEFAULT-VALUE})")
    private int port;

    @Override
    public Integer call() {
        if (port < 1 || port > 65535) {
            System.err.println("--port: " + port + " is not accepted; expected 1-65535");
            return 2;
        }
        ArbiterService.serveUntilShutdown(port);
        return 0;
    }
}
