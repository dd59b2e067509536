/**
 * One decision, end to end and without Spring: request → facts (indicators, feed status, exposure) →
 * rule session → sizing → proof → explanations → decision and trace.
 */
package dev.arbiter.engine.decision;
