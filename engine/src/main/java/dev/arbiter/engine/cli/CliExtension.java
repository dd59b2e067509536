package dev.arbiter.engine.cli;

/**
 * A module on the class path that adds subcommands to {@code ./arbiter}, found with
 * {@link java.util.ServiceLoader} (listed in {@code META-INF/services/dev.arbiter.engine.cli.CliExtension}).
 * The engine cannot depend on the modules built on top of it, so they plug their commands in here.
 */
public interface CliExtension {

    /** A picocli command object (annotated with {@code @Command}); its name is the subcommand's name. */
    Object command();
}
