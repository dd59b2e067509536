/**
 * Scenarios: replaying market data and requests through the same decision pipeline the service
 * runs, for backtests, stress tests and rule-set impact comparisons.
 */
package dev.arbiter.scenarios;
