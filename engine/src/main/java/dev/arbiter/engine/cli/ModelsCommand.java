package dev.arbiter.engine.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code arbiter models ...}: evaluate, train, register and run direction models, and their lifecycle on a running
 * service (docs/models.md).
 */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "Evaluate, train and run direction models over a bars CSV, and take them through their lifecycle on a"
                + " running service (docs/models.md).",
        subcommands = {ModelsEvaluateCommand.class, ModelsTrainCommand.class, ModelsPredictCommand.class,
                ModelsLifecycleCommands.Propose.class, ModelsLifecycleCommands.Candidates.class,
                ModelsLifecycleCommands.Show.class, ModelsLifecycleCommands.Active.class,
                ModelsLifecycleCommands.Step.class})
final class ModelsCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: choose one of "
                + spec.subcommands().keySet());
    }
}
