/** Scenario files: the YAML format (docs/scenarios.md) read into checked records, every error naming its field. */
package dev.arbiter.scenarios.spec;
