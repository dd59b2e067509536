package dev.arbiter.cluster.cli;

import dev.arbiter.engine.cli.CliExtension;
import picocli.CommandLine.Command;

/** Adds {@code ./arbiter cluster ...} to the engine's command line (found through ServiceLoader). */
public final class ClusterCli implements CliExtension {

    @Override
    public Object command() {
        return new ClusterCommand();
    }

    @Command(name = "cluster", mixinStandardHelpOptions = true,
            description = "The decision core as an Apache Flink job over Kafka, keyed by account (docs/scaling.md).",
            subcommands = {ClusterRunCommand.class, ClusterReplayCommand.class})
    static final class ClusterCommand {
    }
}
