package dev.arbiter.scenarios.cli;

import dev.arbiter.engine.cli.CliExtension;

/** Adds {@code ./arbiter scenario ...} to the engine's command line (found through ServiceLoader). */
public final class ScenarioCli implements CliExtension {

    @Override
    public Object command() {
        return new ScenarioCommand();
    }
}
