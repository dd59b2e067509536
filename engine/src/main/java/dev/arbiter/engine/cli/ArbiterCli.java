package dev.arbiter.engine.cli;

import java.io.PrintWriter;
import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code ./arbiter}. Exit codes: 0 done, 1 failure, 2 bad arguments or bad input. */
@Command(name = "arbiter", mixinStandardHelpOptions = true, version = "Arbiter 0.1",
        description = "An explainable decision engine for trading risk.",
        subcommands = {ServeCommand.class, DecideCommand.class, AllocateCommand.class, RulesCommand.class, AuditCommand.class,
                ReportCommand.class, IndicatorsCommand.class, ModelsCommand.class, KeysCommand.class})
public final class ArbiterCli implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code, without exiting (for tests). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new ArbiterCli());
        // Modules on the class path (e.g. scenarios) contribute their own subcommands.
        for (CliExtension extension : ServiceLoader.load(CliExtension.class)) {
            cli.addSubcommand(extension.command());
        }
        // Always show the usage with a bad argument, also when picocli has a "did you mean" suggestion.
        cli.setParameterExceptionHandler((problem, badArgs) -> {
            CommandLine command = problem.getCommandLine();
            PrintWriter err = command.getErr();
            err.println(problem.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(problem, err);
            command.usage(err);
            return 2;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: choose one of "
                + spec.subcommands().keySet());
    }
}
