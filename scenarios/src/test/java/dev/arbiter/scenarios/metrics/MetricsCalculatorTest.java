package dev.arbiter.scenarios.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arbiter.kb.fact.Side;
import dev.arbiter.scenarios.run.Fill;
import dev.arbiter.scenarios.run.Trade;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The metrics against numbers worked out by hand for a four-day equity curve and four trades. */
class MetricsCalculatorTest {

    private static final Instant DAY1 = Instant.parse("2024-01-01T00:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);

    @Test
    void metricsMatchTheHandComputation() {
        // Start 1000; daily closes 1100, 990, 1089, 1200.
        List<Instant> times = List.of(DAY1, DAY1.plus(DAY), DAY1.plus(DAY.multipliedBy(2)), DAY1.plus(DAY.multipliedBy(3)));
        List<Double> equity = List.of(1100.0, 990.0, 1089.0, 1200.0);
        List<Boolean> held = List.of(true, false, true, true);
        List<Trade> trades = List.of(trade(100), trade(-50), trade(30), trade(-20));
        List<Fill> fills = List.of(new Fill(DAY1, "X", Side.BUY, 1, 500, 0, "entry"),
                new Fill(DAY1.plus(DAY), "X", Side.SELL, 2, 300, 0, "stop"));

        PerformanceMetrics m = MetricsCalculator.of(1000, times, equity, held, DAY, trades, fills);

        // 1200 / 1000 - 1
        assertEquals(0.2, m.totalReturn(), 1e-12);
        // returns: 1100/1000-1 = 0.1; 990/1100-1 = -0.1; 1089/990-1 = 0.1; 1200/1089-1 = 111/1089 = 0.1019283747
        // mean = (0.1 - 0.1 + 0.1 + 0.1019283747) / 4 = 0.0504820937
        // sample sd = sqrt(((0.0495179063)^2 * 2 + (-0.1504820937)^2 + (0.0514462810)^2) / 3) = 0.1003255143
        // annualised with 365 daily bars: 0.1003255143 * sqrt(365) = 1.9167162587
        assertEquals(1.9167162587, m.volatility(), 1e-9);
        // Sharpe: 0.0504820937 / 0.1003255143 * sqrt(365) = 9.6132977968
        assertEquals(9.6132977968, m.sharpe(), 1e-8);
        // downside deviation: sqrt((-0.1)^2 / 4) = 0.05; Sortino: 0.0504820937 / 0.05 * sqrt(365) = 19.2891809049
        assertEquals(19.2891809049, m.sortino(), 1e-8);
        // peak 1100, trough 990: 1 - 990/1100 = 0.1
        assertEquals(0.1, m.maxDrawdown(), 1e-12);
        // four days are 4/365 of a year: 1.2^(365/4) - 1 = 1.6799202918519873e7; Calmar = that / 0.1
        assertEquals(1.6799202918519873e7, m.cagr(), 1e-3);
        assertEquals(1.6799202918519873e8, m.calmar(), 1e-2);
        // worst day: 990/1100 - 1 = -0.1
        assertEquals(-0.1, m.worstDay(), 1e-12);
        // 2 of 4 trades won; profit factor (100 + 30) / (50 + 20) = 1.8571428571
        assertEquals(0.5, m.winRate(), 1e-12);
        assertEquals(130.0 / 70.0, m.profitFactor(), 1e-12);
        assertEquals(4, m.trades());
        // 3 of 4 bars held a position
        assertEquals(0.75, m.exposure(), 1e-12);
        // traded 1*500 + 2*300 = 1100; mean equity (1100+990+1089+1200)/4 = 1094.75; 1100/1094.75 = 1.0047956154
        assertEquals(1.0047956154, m.turnover(), 1e-9);
    }

    @Test
    void aFlatRunHasNoRiskAndNoTrades() {
        PerformanceMetrics m = MetricsCalculator.of(1000, List.of(DAY1, DAY1.plus(DAY)), List.of(1000.0, 1000.0),
                List.of(false, false), DAY, List.of(), List.of());
        assertEquals(0, m.totalReturn(), 0);
        assertEquals(0, m.sharpe(), 0);
        assertEquals(0, m.maxDrawdown(), 0);
        assertEquals(0, m.profitFactor(), 0);
        assertEquals(0, m.exposure(), 0);
    }

    private static Trade trade(double pnl) {
        return new Trade("X", "test", DAY1, DAY1.plus(DAY), 1, 100, 100 + pnl, 0, pnl, "time");
    }
}
