/** Scenario expectations checked against a run; the command's exit code says whether they held. */
package dev.arbiter.scenarios.expect;
