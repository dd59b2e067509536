/** Backtest statistics of a run: returns, risk-adjusted ratios, drawdown, trade statistics, exposure, turnover. */
package dev.arbiter.scenarios.metrics;
