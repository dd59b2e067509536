/**
 * Replay harnesses and JMH benchmarks that measure the decision pipeline's speed and allocation, and the
 * pre-trade check with the rules engine against the same checks in plain Java, and how long the engine takes to
 * restart from a journal of a million events (results in docs/benchmarks.md).
 */
package dev.arbiter.scenarios.bench;
