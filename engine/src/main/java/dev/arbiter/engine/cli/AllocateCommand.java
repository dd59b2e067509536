package dev.arbiter.engine.cli;

import dev.arbiter.engine.json.ArbiterJson;
import dev.arbiter.engine.json.JsonInputErrors;
import dev.arbiter.solver.Allocation;
import dev.arbiter.solver.AllocationProblem;
import dev.arbiter.solver.AllocatorSettings;
import dev.arbiter.solver.CapitalAllocator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.core.JacksonException;

/**
 * {@code arbiter allocate --problem FILE}: sizes an allocation problem (JSON, see
 * {@code docs/allocation.md}) with the Timefold allocator and prints the allocation, its score and its
 * justifications as JSON. Exit 2 with the field, the value and what is accepted when the problem is bad.
 */
@Command(name = "allocate", mixinStandardHelpOptions = true,
        description = "Size an allocation problem (JSON, docs/allocation.md) and print the allocation as JSON.")
final class AllocateCommand implements Callable<Integer> {

    @Option(names = "--problem", required = true, paramLabel = "FILE", description = "allocation problem JSON")
    private Path problem;

    @Option(names = "--seed", paramLabel = "N", description = "the solver's random seed (default 0)")
    private long seed = 0L;

    @Option(names = "--unimproved-steps", paramLabel = "N",
            description = "stop after N steps without a better allocation (default 200)")
    private int unimprovedSteps = 200;

    @Override
    public Integer call() throws IOException {
        byte[] body;
        try {
            body = Files.readAllBytes(problem);
        } catch (NoSuchFileException e) {
            System.err.println("--problem: " + problem + " does not exist");
            return 2;
        }
        AllocationProblem parsed;
        try {
            parsed = ArbiterJson.mapper().readValue(body, AllocationProblem.class);
        } catch (JacksonException e) {
            System.err.println("invalid allocation problem " + problem + ": " + JsonInputErrors.translate(e).getMessage());
            return 2;
        }
        if (parsed == null) {
            System.err.println("invalid allocation problem " + problem + ": (body): null is not accepted; expected a "
                    + "JSON object (see docs/allocation.md)");
            return 2;
        }
        Allocation allocation;
        try {
            allocation = new CapitalAllocator(new AllocatorSettings(seed, unimprovedSteps)).allocate(parsed);
        } catch (IllegalArgumentException e) {
            System.err.println("invalid allocation problem " + problem + ": " + e.getMessage());
            return 2;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("settings", Map.of("randomSeed", seed, "unimprovedStepCountLimit", unimprovedSteps));
        out.put("allocation", allocation);
        System.out.println(ArbiterJson.mapper().writeValueAsString(out));
        return 0;
    }
}
