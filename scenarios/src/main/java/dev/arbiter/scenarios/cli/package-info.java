/** The scenario commands of ./arbiter, plugged into the engine's command line through ServiceLoader. */
package dev.arbiter.scenarios.cli;
