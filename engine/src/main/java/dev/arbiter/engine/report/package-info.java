/**
 * Reports auditors read cold: a decision rendered as one self-contained HTML page (no scripts, no external
 * styles or fonts), built from the stored decision and its trace only.
 */
package dev.arbiter.engine.report;
