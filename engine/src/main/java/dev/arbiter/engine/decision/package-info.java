/**
 * One decision, end to end and without Spring: request → facts (indicators, feed status, exposure) →
 * rule session → sizing → proof → decision and trace → explanations. The decision is complete before its
 * explanation, which is worked out from the trace alone, at once or after the decision was acknowledged
 * ({@code ExplanationTiming}).
 */
package dev.arbiter.engine.decision;
