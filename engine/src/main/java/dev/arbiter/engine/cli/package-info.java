/** The {@code ./arbiter} command line: one subcommand per job, usage on bad arguments, non-zero exit on failure. */
package dev.arbiter.engine.cli;
