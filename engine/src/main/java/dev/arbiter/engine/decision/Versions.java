package dev.arbiter.engine.decision;

/**
 * The versions a decision was made with; a replay must use the same ones to come out identical.
 *
 * @param instruments content version of the instrument reference data ({@code ins-...}); null in decisions made
 *                    before instruments belonged to a release
 */
public record Versions(String ruleSet, String limits, String parameters, String instruments, String engine) {
}
