package dev.arbiter.engine.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code arbiter rules ...}: work on a rule-set directory. Add a subcommand by listing it here. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Check and test rule sets, and take them through their lifecycle on a running service.",
        subcommands = {RulesCheckCommand.class, RulesTestCommand.class, RulesLifecycleCommands.Upload.class,
                RulesLifecycleCommands.Candidates.class, RulesLifecycleCommands.Show.class,
                RulesLifecycleCommands.Approve.class, RulesLifecycleCommands.Activate.class,
                RulesLifecycleCommands.Rollback.class})
final class RulesCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: choose one of "
                + spec.subcommands().keySet());
    }
}
