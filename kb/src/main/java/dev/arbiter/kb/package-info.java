/**
 * The knowledge base: the fact model every rule, the solver and the reasoners see ({@code fact}),
 * the outcomes rules conclude with ({@code outcome}), the one list of their types by name
 * ({@link dev.arbiter.kb.FactTypes}) and the field checks that keep invalid facts from existing.
 */
package dev.arbiter.kb;
