package dev.arbiter.scenarios.expect;

import dev.arbiter.scenarios.spec.Expectation;

/** One expectation and whether it held, with the value the run produced. */
public record ExpectationResult(Expectation expectation, boolean held, double actual, String description) {
}
