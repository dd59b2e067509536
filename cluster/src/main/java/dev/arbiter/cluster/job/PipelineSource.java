package dev.arbiter.cluster.job;

import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.mlbridge.model.ModelRegistry;
import java.io.Serializable;
import java.nio.file.Path;

/**
 * How each worker of the job builds its own decision pipeline (rules, sizing, proof, explanation): a pipeline holds a
 * Z3 context and a Prolog engine, so it is made where it runs, never shipped in the job's graph.
 */
@FunctionalInterface
public interface PipelineSource extends Serializable {

    DecisionPipeline open();

    /** The pipeline the service ships, running registered models from {@code modelRegistry}. */
    static PipelineSource shipped(String modelRegistry) {
        return () -> DecisionPipeline.withShippedDefaults(new ModelRegistry(Path.of(modelRegistry)));
    }
}
