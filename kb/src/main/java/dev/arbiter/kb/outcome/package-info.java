/**
 * What rules conclude. A rule never changes the facts it matched; it inserts one of these outcomes,
 * each carrying a {@link dev.arbiter.kb.outcome.Reason}: the rule, its stable reason code, its risk
 * layer, its legal source and a message with the numbers behind it.
 */
package dev.arbiter.kb.outcome;
