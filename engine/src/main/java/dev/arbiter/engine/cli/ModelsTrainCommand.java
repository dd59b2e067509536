package dev.arbiter.engine.cli;

import dev.arbiter.engine.json.ArbiterJson;
import dev.arbiter.kb.fact.Bar;
import dev.arbiter.mlbridge.model.Algorithm;
import dev.arbiter.mlbridge.model.ModelMetadata;
import dev.arbiter.mlbridge.model.ModelRegistry;
import dev.arbiter.mlbridge.model.ModelTrainer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code arbiter models train}: trains one learner, evaluates it walk-forward, registers the artifact. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a model on the latest samples, validate it walk-forward against the baselines and register it as"
                + " name/version with its validation report.")
final class ModelsTrainCommand implements Callable<Integer> {

    @Mixin
    private ModelData options;

    @Option(names = "--registry", required = true, paramLabel = "DIR", description = "model registry directory")
    private Path registry;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "model name, e.g. gbm-direction")
    private String name;

    @Option(names = "--version", required = true, paramLabel = "VERSION", description = "model version, e.g. 2026-05-16")
    private String version;

    @Option(names = "--algorithm", paramLabel = "ID", description = "gbt, rf or logit (default: gbt)")
    private String algorithm = "gbt";

    @Override
    public Integer call() throws Exception {
        try {
            List<Bar> bars = options.readBars();
            ModelTrainer.Trained trained = new ModelTrainer(Clock.systemUTC()).train(name, version, options.set,
                    options.dataset(bars), bars.get(0).period(), Algorithm.parse(algorithm), options.walkForward(), options.seed);
            ModelMetadata stored = new ModelRegistry(registry).register(trained.metadata(), trained.model());
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("model", stored.name() + "@" + stored.version());
            out.put("algorithm", stored.algorithm());
            out.put("trainedFrom", stored.trainedFrom());
            out.put("trainedTo", stored.trainedTo());
            out.put("trainingSamples", stored.trainingSamples());
            out.put("walkForward", stored.walkForward());
            out.put("validation", stored.validation());
            out.put("dataSha256", stored.dataSha256());
            out.put("modelSha256", stored.modelSha256());
            System.out.println(ArbiterJson.mapper().writeValueAsString(out));
            return 0;
        } catch (NoSuchFileException e) {
            System.err.println("--bars: " + options.bars + " does not exist");
            return 2;
        } catch (FileAlreadyExistsException e) {
            System.err.println(e.getReason());
            return 2;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
    }
}
