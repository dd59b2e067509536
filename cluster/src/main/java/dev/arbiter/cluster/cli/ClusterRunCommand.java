package dev.arbiter.cluster.cli;

import dev.arbiter.cluster.core.DeskLimits;
import dev.arbiter.cluster.job.DecisionJob;
import dev.arbiter.cluster.job.JobSettings;
import dev.arbiter.cluster.job.PipelineSource;
import dev.arbiter.engine.stream.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code arbiter cluster run --bootstrap HOST:PORT}: the job between the Kafka topics. Run from a shell it starts an
 * embedded Flink cluster in this process (one machine, several workers); submitted to a Flink cluster (the
 * Kubernetes operator's deployment runs this command as the job's entry point) it runs on that cluster's workers.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Decide the inputs topic's requests and events, account by account, exactly once into the "
                + "decisions topic, until stopped.")
final class ClusterRunCommand implements Callable<Integer> {

    @Option(names = "--bootstrap", required = true, paramLabel = "HOST:PORT", description = "Kafka bootstrap servers")
    private String bootstrap;

    @Option(names = "--parallelism", defaultValue = "0", paramLabel = "N",
            description = "workers of the decision stage; 0 (the default) leaves it to the Flink cluster the job is "
                    + "submitted to, or to this machine's cores when it runs here")
    private int parallelism;

    @Option(names = "--group", defaultValue = "arbiter-decisions", description = "the Kafka consumer group (default ${DEFAULT-VALUE})")
    private String group;

    @Option(names = "--checkpoint-interval", defaultValue = "PT1S", paramLabel = "DURATION",
            description = "how often state is checkpointed and answers committed (default ${DEFAULT-VALUE})")
    private Duration checkpointInterval;

    @Option(names = "--checkpoints", paramLabel = "URI",
            description = "where checkpoints are kept (file:///..., s3://...); in memory unless given")
    private String checkpoints;

    @Option(names = "--desk-limits", paramLabel = "FILE",
            description = "the desk's gross exposure limit and each account's lease of it (JSON, docs/scaling.md)")
    private Path deskLimits;

    @Option(names = "--model-registry", defaultValue = "var/models", paramLabel = "DIR",
            description = "registered models requests may name (default ${DEFAULT-VALUE})")
    private String modelRegistry;

    @Override
    public Integer call() throws Exception {
        String desk = null;
        if (deskLimits != null) {
            if (!Files.isRegularFile(deskLimits)) {
                System.err.println("arbiter cluster: --desk-limits '" + deskLimits + "' is not accepted; an existing JSON file is");
                return 2;
            }
            desk = Files.readString(deskLimits);
            try {
                DeskLimits.fromJson(desk);
            } catch (RuntimeException e) {
                System.err.println("arbiter cluster: --desk-limits '" + deskLimits + "' is not accepted: " + e.getMessage());
                return 2;
            }
        }
        if (checkpointInterval.isNegative() || checkpointInterval.isZero()) {
            System.err.println("arbiter cluster: --checkpoint-interval " + checkpointInterval + " is not accepted; a positive duration is");
            return 2;
        }
        if (parallelism < 0) {
            System.err.println("arbiter cluster: --parallelism " + parallelism + " is not accepted; 0 or more workers are");
            return 2;
        }
        Configuration configuration = DecisionJob.configuration(parallelism);
        if (checkpoints != null) {
            configuration.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints);
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration);
        env.enableCheckpointing(checkpointInterval.toMillis());
        JobSettings defaults = JobSettings.shipped(modelRegistry);
        JobSettings settings = new JobSettings(PipelineSource.shipped(modelRegistry), null, defaults.barsKept(),
                defaults.cachedAccounts(), desk);
        DecisionJob.onKafka(env, Topics.defaults(bootstrap), settings, group);
        env.execute("arbiter decisions");
        return 0;
    }
}
