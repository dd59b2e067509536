package dev.arbiter.engine.decision;

/** The versions a decision was made with; a replay must use the same ones to come out identical. */
public record Versions(String ruleSet, String limits, String parameters, String engine) {
}
