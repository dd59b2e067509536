/**
 * Technical indicators as facts. Values come from ta4j and exist only after each indicator's
 * warm-up (its unstable bars), so a rule never matches a misleading number.
 */
package dev.arbiter.mlbridge.indicators;
