package dev.arbiter.scenarios.metrics;

/**
 * The usual backtest statistics of one run. Ratios are annualised with the bar period (365 days a
 * year: crypto trades every day) and a zero risk-free rate.
 *
 * @param totalReturn    final equity / starting equity - 1
 * @param cagr           compound annual growth rate over the run's calendar time
 * @param volatility     annualised standard deviation of per-bar equity returns (sample, n-1)
 * @param sharpe         mean per-bar return / its standard deviation, times sqrt(bars per year)
 * @param sortino        mean per-bar return / downside deviation (root mean square of the negative
 *                       returns over all bars), times sqrt(bars per year)
 * @param maxDrawdown    largest fall of equity from its running peak, as a fraction of the peak
 * @param calmar         CAGR / max drawdown (0 when there was no drawdown)
 * @param winRate        winning trades / trades
 * @param profitFactor   gross profit / gross loss of the trades (infinite without a losing trade)
 * @param exposure       share of bars with a position held
 * @param turnover       traded notional (both sides) / mean equity
 * @param worstDay       the worst day's equity return (UTC days)
 */
public record PerformanceMetrics(double totalReturn, double cagr, double volatility, double sharpe, double sortino,
                                 double maxDrawdown, double calmar, double winRate, double profitFactor,
                                 double exposure, double turnover, int trades, double worstDay) {
}
