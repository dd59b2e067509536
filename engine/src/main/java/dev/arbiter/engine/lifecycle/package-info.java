/**
 * How a rule set, its limits and its parameters change while the engine runs: a risk officer uploads a
 * candidate; it is vetted, compiled, analysed and tested; its impact on recent decisions is shown; a second risk
 * officer approves it; it is activated atomically; any earlier release can be restored. Every step is recorded with
 * who and when.
 */
package dev.arbiter.engine.lifecycle;
