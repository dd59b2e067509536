/** Stress tests: synthetic shocks on real paths and Monte Carlo paths by block bootstrap, with VaR and expected shortfall. */
package dev.arbiter.scenarios.stress;
