/** The replay runner: bar-by-bar decisions through the in-process pipeline, simulated fills and exits, the evolving account. */
package dev.arbiter.scenarios.run;
