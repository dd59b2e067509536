package dev.arbiter.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.engine.state.AccountEvent;
import dev.arbiter.engine.state.InMemoryJournal;
import dev.arbiter.engine.state.Journal;
import dev.arbiter.engine.state.StateSettings;
import dev.arbiter.engine.state.TradingCore;
import dev.arbiter.kb.fact.Bar;
import dev.arbiter.kb.fact.Side;
import dev.arbiter.kb.state.AccountState;
import dev.arbiter.kb.state.ClosedTrade;
import dev.arbiter.kb.state.OrderStatus;
import dev.arbiter.kb.state.PositionState;
import dev.arbiter.mlbridge.indicators.IndicatorFacts;
import dev.arbiter.scenarios.spec.ExitSpec;
import dev.arbiter.scenarios.spec.FillSpec;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The simulated venue against the engine's real core: everything it does arrives as the engine's events, and the
 * engine's state is what it reads its positions and stops from.
 */
class SimulatedVenueTest {

    private static final String ACCOUNT = "sim-1";
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    private InMemoryJournal journal;
    private TradingCore core;
    private SimulatedVenue venue;

    @BeforeEach
    void open() {
        journal = new InMemoryJournal();
        core = new TradingCore(journal, StateSettings.DEFAULTS.withBarsKept(10), IndicatorFacts.DEFAULT_SET);
        core.submit(new AccountEvent.Opened(ACCOUNT, T0, new BigDecimal("10000"), null), null);
        venue = new SimulatedVenue(core, ACCOUNT, new FillSpec(0.001, 0.0005, 0), new ExitSpec(true, 3));
        core.bar(bar(0, "100", "101", "99", "100"));
    }

    /** Approves a buy as a decision at the end of bar {@code step} would, and hands it to the venue. */
    private void approveBuy(int step, String limit, String engineStop, String rulesStop) {
        Instant at = T0.plus(HOUR.multipliedBy(step + 1));
        String orderId = "d-" + step + "/p-1";
        core.decide(ACCOUNT, at, s -> new TradingCore.Decided<>(null, "d-" + step, at, List.of(new AccountEvent.ApprovedOrder(
                orderId, "COIN", Side.BUY, new BigDecimal("10"), new BigDecimal("101"),
                engineStop == null ? null : new BigDecimal(engineStop))), List.of()));
        venue.accept(List.of(new SimulatedVenue.Resting(orderId, "COIN", Side.BUY, new BigDecimal("10"), venue.dueStep(step),
                limit == null ? null : new BigDecimal(limit), "client", rulesStop == null ? null : new BigDecimal(rulesStop))), at);
    }

    private static Bar bar(int index, String open, String high, String low, String close) {
        return new Bar("COIN", T0.plus(HOUR.multipliedBy(index)), HOUR, new BigDecimal(open), new BigDecimal(high),
                new BigDecimal(low), new BigDecimal(close), BigDecimal.ONE);
    }

    private void play(int step, Bar bar) {
        venue.open(bar, step);
        venue.exits(bar, step);
        core.bar(bar);
    }

    private AccountState account() {
        return core.account(ACCOUNT);
    }

    @Test
    void acknowledgesAtOnceThenFillsAtTheNextOpenWithSlippageAndFee() {
        approveBuy(0, "101", "95", null);
        assertEquals(OrderStatus.ACKNOWLEDGED, account().workingOrder("d-0/p-1").orElseThrow().status());

        play(1, bar(1, "100.5", "101", "100", "100.8"));

        assertTrue(account().workingOrders().isEmpty(), "the fill completed the working order");
        PositionState position = account().position("COIN").orElseThrow();
        assertEquals(0, new BigDecimal("10").compareTo(position.quantity()));
        BigDecimal price = new BigDecimal("100.5").multiply(new BigDecimal("1.0005"));
        assertEquals(0, price.compareTo(position.averagePrice()), "the open plus 0.05 % slippage");
        assertEquals(0, new BigDecimal("95").compareTo(position.stopPrice()), "the stop of the order that opened it");
        BigDecimal fee = price.multiply(BigDecimal.TEN).multiply(new BigDecimal("0.001"));
        assertEquals(0, new BigDecimal("10000").subtract(price.multiply(BigDecimal.TEN)).subtract(fee)
                .compareTo(account().cash()), "cash paid the notional and the fee");
        AccountEvent.Filled filled = journal.accountEvents(ACCOUNT, 0).stream().map(Journal.Entry::event)
                .filter(AccountEvent.Filled.class::isInstance).map(AccountEvent.Filled.class::cast).findFirst().orElseThrow();
        assertEquals("d-0/p-1", filled.orderId());
        assertEquals(T0.plus(HOUR), filled.at());
    }

    @Test
    void aLimitBuyTheMarketGappedAboveIsReportedCancelled() {
        approveBuy(0, "101", "95", null);

        play(1, bar(1, "102", "103", "101.5", "102.5"));

        assertTrue(account().workingOrders().isEmpty(), "the order is done");
        assertTrue(account().position("COIN").isEmpty(), "and never filled");
        assertTrue(journal.accountEvents(ACCOUNT, 0).stream().map(Journal.Entry::event)
                .anyMatch(e -> e instanceof AccountEvent.OrderReported r && r.status() == OrderStatus.CANCELLED
                        && r.reason().contains("above the limit 101")), "reported cancelled with the reason");
    }

    @Test
    void theEnginesStopClosesThePositionAsAStopLossAtTheStopOrTheGappedOpen() {
        approveBuy(0, "101", "95", "90");
        play(1, bar(1, "100", "100.5", "99.5", "100"));
        play(2, bar(2, "96", "96.5", "93", "94"));

        assertTrue(account().position("COIN").isEmpty(), "the low touched the engine's stop 95 (not the rules' 90)");
        ClosedTrade closed = account().closedTrades().getLast();
        assertTrue(closed.stopLoss(), "the engine counts it as a stop-loss");
        assertTrue(closed.pnl().signum() < 0);
        Trade trade = venue.trades().getFirst();
        assertEquals("stop", trade.exit());
        assertEquals(95 * 0.9995, trade.exitPrice(), 1e-9, "at the stop, less slippage");
        assertEquals(closed.pnl().doubleValue(), trade.pnl(), 1e-12, "the trade's P&L is the engine's");

        // a market gapping through the stop fills at the open instead
        approveBuy(2, null, "95", null);
        play(3, bar(3, "100", "100.5", "99.5", "100"));
        play(4, bar(4, "90", "91", "89", "90"));
        assertEquals(90 * 0.9995, venue.trades().get(1).exitPrice(), 1e-9);
    }

    @Test
    void withoutAStopInTheEnginesStateTheRulesStopHolds() {
        approveBuy(0, null, null, "99");
        play(1, bar(1, "100", "100.5", "99.5", "100"));
        assertEquals(null, account().position("COIN").orElseThrow().stopPrice(), "the engine holds no stop for it");
        play(2, bar(2, "100", "100.5", "98.5", "100"));
        assertTrue(account().position("COIN").isEmpty(), "the low 98.5 touched the rules' stop 99");
        assertTrue(account().closedTrades().getLast().stopLoss());
    }

    @Test
    void aPositionHeldForTheMaximumBarsLeavesAtTheOpenAndTheEndClosesWhatIsLeft() {
        approveBuy(0, null, "50", null);
        for (int step = 1; step <= 3; step++) {
            play(step, bar(step, "100", "100.5", "99.5", "100"));
            assertTrue(account().position("COIN").isPresent(), "held at step " + step);
        }
        play(4, bar(4, "101", "101.5", "100.5", "101"));
        assertTrue(account().position("COIN").isEmpty(), "3 bars after it opened");
        assertEquals("time", venue.trades().getFirst().exit());
        assertFalse(account().closedTrades().getLast().stopLoss(), "a time exit is no stop-loss");

        approveBuy(4, null, "50", null);
        play(5, bar(5, "101", "102.5", "100.5", "102"));
        venue.closeOut(6);
        assertTrue(account().positions().isEmpty());
        Trade end = venue.trades().get(1);
        assertEquals("end", end.exit());
        assertEquals(102 * 0.9995, end.exitPrice(), 1e-9, "at the last mark, less slippage");
        double pnl = venue.trades().stream().mapToDouble(Trade::pnl).sum();
        assertEquals(10000 + pnl, account().cash().doubleValue(), 1e-9, "flat: cash is the start plus every trade");
    }
}
