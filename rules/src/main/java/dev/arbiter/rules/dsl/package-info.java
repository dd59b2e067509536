/**
 * What a rule's consequence calls to conclude. {@link dev.arbiter.rules.dsl.Outcomes} reads the rule's
 * own metadata (layer, reason code, legal source), so a rule states those once, in its header.
 */
package dev.arbiter.rules.dsl;
