/**
 * Static analysis of a rule set with Z3, before it goes live: dead rules, shadowed rules, contradictory
 * limits, and invariants proved or refuted with a counterexample written as a rule-test case.
 * {@link dev.arbiter.reasoning.analysis.RuleSetAnalyzer#analyze} is the entry point; the analysed subset of
 * DRL, the symbolic fact model and the field ranges are described in {@code docs/reasoning.md}. Every
 * analysis makes and closes its own Z3 context.
 */
package dev.arbiter.reasoning.analysis;
