/**
 * Direction models in scenarios: trained per instrument on the bars before a tested window (no look-ahead),
 * registered in a model registry the replay's pipeline reads, named in every decision request, and scored
 * out of sample on the predictions that entered the decisions.
 */
package dev.arbiter.scenarios.model;
