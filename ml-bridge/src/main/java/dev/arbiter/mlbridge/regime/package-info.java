/**
 * Market regimes and market-data anomalies detected from bars (and quotes when given), as facts
 * with the numbers behind them: {@link dev.arbiter.mlbridge.regime.RegimeDetector},
 * {@link dev.arbiter.mlbridge.regime.AnomalyDetector}, {@link dev.arbiter.mlbridge.regime.SpreadMonitor}.
 */
package dev.arbiter.mlbridge.regime;
