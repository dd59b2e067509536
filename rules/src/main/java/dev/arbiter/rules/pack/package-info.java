/** Rule sets: DRL sources, their content-derived version, and compiling them with clear diagnostics. */
package dev.arbiter.rules.pack;
