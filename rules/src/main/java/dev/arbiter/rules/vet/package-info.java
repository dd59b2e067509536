/**
 * Vetting DRL before Drools compiles it, and turning Drools' own errors into diagnostics a risk
 * officer can act on. DRL has no sandbox: a consequence is Java and could read files, start processes
 * or stop the JVM. {@link dev.arbiter.rules.vet.DrlVetter} parses every rule, function, condition and
 * consequence and accepts only an allowlist of types and calls ({@link dev.arbiter.rules.vet.AllowedApi});
 * {@link dev.arbiter.rules.vet.DroolsErrorTranslator} explains what Drools rejects, at the right line.
 */
package dev.arbiter.rules.vet;
