package dev.arbiter.engine.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code arbiter models ...}: evaluate, train, register and run direction models (docs/models.md). */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "Evaluate, train and run direction models over a bars CSV (docs/models.md).",
        subcommands = {ModelsEvaluateCommand.class, ModelsTrainCommand.class, ModelsPredictCommand.class})
final class ModelsCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: choose one of "
                + spec.subcommands().keySet());
    }
}
