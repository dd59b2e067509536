package dev.arbiter.engine.cli;

import dev.arbiter.engine.decision.DecisionIds;
import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.engine.decision.DecisionRequest;
import dev.arbiter.engine.decision.DecisionResult;
import dev.arbiter.engine.decision.InvalidRequestException;
import dev.arbiter.engine.json.ArbiterJson;
import dev.arbiter.engine.json.DecisionRequestReader;
import dev.arbiter.mlbridge.model.ModelRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code arbiter decide --request FILE [--models DIR]}: one decision in-process, the decision JSON on stdout. The
 * models the request names in {@code models} are loaded from {@code --models} (default {@code var/models}).
 */
@Command(name = "decide", mixinStandardHelpOptions = true,
        description = "Make one decision in-process from a decision request file and print it as JSON.")
final class DecideCommand implements Callable<Integer> {

    @Option(names = "--request", required = true, paramLabel = "FILE",
            description = "decision request JSON (see docs/api.md and docs/examples/)")
    private Path request;

    @Option(names = "--trace", description = "print {decision, trace} instead of the decision alone")
    private boolean withTrace;

    @Option(names = "--models", paramLabel = "DIR",
            description = "model registry the request's `models` are loaded from (default: var/models)")
    private Path models = DecisionPipeline.DEFAULT_MODEL_REGISTRY;

    @Override
    public Integer call() throws IOException {
        byte[] body;
        try {
            body = Files.readAllBytes(request);
        } catch (NoSuchFileException e) {
            System.err.println("--request: " + request + " does not exist");
            return 2;
        }
        DecisionRequest parsed;
        try {
            parsed = DecisionRequestReader.read(body);
        } catch (InvalidRequestException e) {
            System.err.println("invalid request " + request + ": " + e.getMessage());
            return 2;
        }
        try (DecisionPipeline pipeline = DecisionPipeline.withShippedDefaults(new ModelRegistry(models))) {
            DecisionResult result = pipeline.decide(DecisionIds.fromContent(body), parsed);
            Object out = result.decision();
            if (withTrace) {
                Map<String, Object> both = new LinkedHashMap<>();
                both.put("decision", result.decision());
                both.put("trace", result.trace());
                out = both;
            }
            System.out.println(ArbiterJson.mapper().writeValueAsString(out));
            return 0;
        } catch (InvalidRequestException e) {
            System.err.println("invalid request " + request + ": " + e.getMessage());
            return 2;
        } catch (UncheckedIOException e) {
            System.err.println("--models " + models + ": " + e.getMessage());
            return 1;
        }
    }
}
