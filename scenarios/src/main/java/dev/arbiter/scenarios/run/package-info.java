/**
 * The replay runner: drives the engine's trading core bar by bar with the scenario's market data and a simulated
 * venue's order reports and fills, and decides through the engine, as the service does; the account, its positions,
 * losses and flash crashes are the engine's.
 */
package dev.arbiter.scenarios.run;
