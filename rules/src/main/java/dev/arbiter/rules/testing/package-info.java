/**
 * Rule tests a risk officer writes in YAML next to the rules (like {@code opa test}): given these
 * facts, expect these rules to fire or stay quiet and these outcomes. Run by {@code ./arbiter rules
 * test DIR} and by the build.
 */
package dev.arbiter.rules.testing;
