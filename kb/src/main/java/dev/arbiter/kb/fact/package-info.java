/**
 * Facts rules can match: market data, indicator values, model output, account state, limits, order
 * intents and the proposals strategy rules make. Every fact is an immutable record that validates
 * itself: a NaN price or a negative quantity cannot be constructed.
 */
package dev.arbiter.kb.fact;
