package dev.arbiter.scenarios.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code arbiter scenario ...}: replay scenarios, stress them, compare rule sets, search parameters. */
@Command(name = "scenario", mixinStandardHelpOptions = true,
        description = "Replay scenario files through the decision pipeline: backtests, stress tests, "
                + "rule-set impact and parameter search. Format: docs/scenarios.md.",
        subcommands = {ScenarioRunCommand.class, ScenarioCompareCommand.class, ScenarioStressCommand.class,
                ScenarioImpactCommand.class, ScenarioSearchCommand.class})
public final class ScenarioCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: choose one of "
                + spec.subcommands().keySet());
    }
}
