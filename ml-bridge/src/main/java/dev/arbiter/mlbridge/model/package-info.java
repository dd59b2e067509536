/**
 * Models over features: a labelled dataset ({@link dev.arbiter.mlbridge.model.DatasetBuilder}),
 * purged and embargoed walk-forward evaluation ({@link dev.arbiter.mlbridge.model.WalkForward}),
 * Smile classifiers and honest baselines, a registry of versioned model artifacts with metadata
 * ({@link dev.arbiter.mlbridge.model.ModelRegistry}), and drift monitoring
 * ({@link dev.arbiter.mlbridge.model.ModelMonitor}).
 */
package dev.arbiter.mlbridge.model;
