/**
 * Rules: DRL rule packs written by risk officers and quants ({@code pack}), the helpers a rule's
 * consequence uses to conclude ({@code dsl}), and running a session that records every firing
 * ({@code session}).
 */
package dev.arbiter.rules;
