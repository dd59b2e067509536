/**
 * Predictions as facts: model ids ({@link dev.arbiter.mlbridge.predict.ModelId}) and the checks
 * predictions made elsewhere pass before they become facts
 * ({@link dev.arbiter.mlbridge.predict.ExternalPredictions}).
 */
package dev.arbiter.mlbridge.predict;
