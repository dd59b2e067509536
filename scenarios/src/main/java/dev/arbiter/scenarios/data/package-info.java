/** Market data for scenarios: CSV and ta4j files, seeded synthetic paths, resampling, the shared data root. */
package dev.arbiter.scenarios.data;
