/**
 * The model lifecycle: a registered model is proposed for a symbol and a purpose with the validation report it was
 * registered with; a quality bar from configuration refuses one that falls short, with the numbers; a second risk
 * officer approves it; it is activated (alone, beside other primaries as an ensemble, or as the fallback), retired or
 * rolled back to. Requests get the active models ({@link dev.arbiter.engine.decision.ActiveModels}), never an arbitrary
 * registered version. Every step is an audit record.
 */
package dev.arbiter.engine.models;
