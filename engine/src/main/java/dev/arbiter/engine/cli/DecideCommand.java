package dev.arbiter.engine.cli;

import dev.arbiter.engine.decision.DecisionIds;
import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.engine.decision.DecisionRequest;
import dev.arbiter.engine.decision.DecisionResult;
import dev.arbiter.engine.decision.InvalidRequestException;
import dev.arbiter.engine.json.ArbiterJson;
import dev.arbiter.engine.json.DecisionRequestReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code arbiter decide --request FILE}: one decision in-process, the decision JSON on stdout. */
@Command(name = "decide", mixinStandardHelpOptions = true,
        description = "Make one decision in-process from a decision request file and print it as JSON.")
final class DecideCommand implements Callable<Integer> {

    @Option(names = "--request", required = true, paramLabel = "FILE",
            description = "decision request JSON (see docs/api.md and docs/examples/)")
    private Path request;

    @Option(names = "--trace", description = "print {decision, trace} instead of the decision alone")
    private boolean withTrace;

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
        try (DecisionPipeline pipeline = DecisionPipeline.withShippedDefaults()) {
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
        }
    }
}
