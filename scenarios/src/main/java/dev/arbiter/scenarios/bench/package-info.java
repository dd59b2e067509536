/** Replay harnesses that measure the decision pipeline's speed and allocation (results in docs/benchmarks.md). */
package dev.arbiter.scenarios.bench;
