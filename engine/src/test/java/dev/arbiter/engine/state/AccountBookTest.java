package dev.arbiter.engine.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.engine.json.CanonicalJson;
import dev.arbiter.kb.fact.MarginMode;
import dev.arbiter.kb.fact.Side;
import dev.arbiter.kb.fact.TradingState;
import dev.arbiter.kb.state.AccountState;
import dev.arbiter.kb.state.MarginSetting;
import dev.arbiter.kb.state.OrderStatus;
import dev.arbiter.mlbridge.indicators.IndicatorFacts;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fold, event by event, against hand-computed figures. */
class AccountBookTest {

    private static final Instant OPEN = Instant.parse("2023-03-15T00:00:00Z");

    private final InMemoryJournal journal = new InMemoryJournal();
    private final TradingCore core = new TradingCore(journal, StateSettings.DEFAULTS, IndicatorFacts.DEFAULT_SET);

    private AccountState open(String account, String cash) {
        return core.submit(new AccountEvent.Opened(account, OPEN, new BigDecimal(cash), null), null).state();
    }

    private AccountState fill(String account, String id, String orderId, Side side, String quantity, String price,
                              String fee, String at) {
        return core.submit(new AccountEvent.Filled(account, Instant.parse(at), id, orderId, "ETH-USD", side,
                new BigDecimal(quantity), new BigDecimal(price), new BigDecimal(fee), false, orderId == null), id).state();
    }

    @Test
    void aLosingRoundTripIsBookedAsARealisedLossOfTheDay() {
        open("acct-1", "100000");
        AccountState bought = fill("acct-1", "f-1", null, Side.BUY, "10", "1700", "1.70", "2023-03-15T13:00:00Z");
        // cash 100,000 - 17,000 - 1.70; the 10 ETH are marked at the fill price until a bar arrives
        assertThat(bought.cash()).isEqualByComparingTo("82998.30");
        assertThat(bought.equity()).isEqualByComparingTo("99998.30");
        AccountState sold = fill("acct-1", "f-2", null, Side.SELL, "10", "1450", "1.45", "2023-03-15T13:20:00Z");
        // 10 x (1450 - 1700) = -2,500, fees 3.15
        assertThat(sold.positions()).isEmpty();
        assertThat(sold.equity()).isEqualByComparingTo("97496.85");
        assertThat(sold.dailyPnl()).isEqualByComparingTo("-2503.15");
        assertThat(sold.highWaterMark()).isEqualByComparingTo("100000");
        assertThat(sold.closedTrades()).singleElement().satisfies(t -> {
            assertThat(t.pnl()).isEqualByComparingTo("-2503.15");
            assertThat(t.stopLoss()).isFalse();
        });
    }

    @Test
    void fundingPaidIsALossOfTheDayNotATransfer() {
        open("acct-1", "10000");
        fill("acct-1", "f-1", null, Side.BUY, "1", "1700", "0", "2023-03-15T07:00:00Z");
        // a long pays 0.01 % of 1,700 at the 08:00 funding time
        AccountState funded = core.submit(new AccountEvent.Funded("acct-1", Instant.parse("2023-03-15T08:00:00Z"),
                "ETH-USD/2023-03-15T08:00:00Z", "ETH-USD", new BigDecimal("-0.17")), "funding-1").state();
        assertThat(funded.cash()).isEqualByComparingTo("8299.83");
        assertThat(funded.dailyPnl()).isEqualByComparingTo("-0.17");
        assertThat(funded.dayTransfers()).isEqualByComparingTo("0");
        assertThat(funded.highWaterMark()).isEqualByComparingTo("10000");
    }

    private static final String PERP = "BTC-USDT-PERP";

    private AccountState marginMode(String account, String symbol, MarginMode mode, String at) {
        return core.submit(new AccountEvent.MarginModeSet(account, Instant.parse(at), symbol, mode), null).state();
    }

    @Test
    void aMarginModeIsKeptPerSymbolAndCrossIsTheDefaultNotKept() {
        open("acct-1", "10000");
        assertThat(core.account("acct-1").marginMode(PERP)).isEqualTo(MarginMode.CROSS);
        assertThat(CanonicalJson.write(core.account("acct-1"))).as("hashed as before margin modes existed")
                .doesNotContain("marginModes");

        AccountState isolated = marginMode("acct-1", PERP, MarginMode.ISOLATED, "2023-03-15T07:00:00Z");
        assertThat(isolated.marginMode(PERP)).isEqualTo(MarginMode.ISOLATED);
        assertThat(isolated.marginMode("ETH-USDT-PERP")).isEqualTo(MarginMode.CROSS);
        assertThat(isolated.marginModes()).containsExactly(new MarginSetting(PERP, MarginMode.ISOLATED));
        assertThat(CanonicalJson.write(isolated)).contains("\"marginModes\":[{\"symbol\":\"" + PERP + "\",\"mode\":\"ISOLATED\"}]");
        AccountState both = marginMode("acct-1", "ETH-USDT-PERP", MarginMode.ISOLATED, "2023-03-15T07:01:00Z");
        assertThat(both.marginModes()).extracting(MarginSetting::symbol).containsExactly(PERP, "ETH-USDT-PERP").isSorted();

        AccountState back = marginMode("acct-1", PERP, MarginMode.CROSS, "2023-03-15T07:02:00Z");
        assertThat(back.marginMode(PERP)).isEqualTo(MarginMode.CROSS);
        assertThat(back.marginModes()).containsExactly(new MarginSetting("ETH-USDT-PERP", MarginMode.ISOLATED));
        assertThat(back.cash()).isEqualByComparingTo("10000");
    }

    @Test
    void theMarginModeDoesNotChangeUnderAPositionOrItsWorkingOrders() {
        open("acct-1", "100000");
        core.submit(new AccountEvent.Filled("acct-1", Instant.parse("2023-03-15T07:00:00Z"), "f-1", null, PERP, Side.BUY,
                new BigDecimal("0.5"), new BigDecimal("25000"), BigDecimal.ZERO, false, true), "f-1");
        assertThatThrownBy(() -> marginMode("acct-1", PERP, MarginMode.ISOLATED, "2023-03-15T07:01:00Z"))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> {
                    assertThat(e.field()).isEqualTo("mode");
                    assertThat(e.value()).isEqualTo("ISOLATED");
                    assertThat(e.accepted()).startsWith("CROSS, the mode " + PERP + " has now")
                            .endsWith("(it holds 0.5)");
                });
        // the mode it has already is no change
        assertThat(marginMode("acct-1", PERP, MarginMode.CROSS, "2023-03-15T07:01:00Z").marginMode(PERP))
                .isEqualTo(MarginMode.CROSS);

        core.decide("acct-1", Instant.parse("2023-03-15T07:02:00Z"), s -> new TradingCore.Decided<>(null, "dec-1",
                Instant.parse("2023-03-15T07:02:00Z"), List.of(new AccountEvent.ApprovedOrder("dec-1/i-1", "ETH-USDT-PERP",
                        Side.BUY, BigDecimal.ONE, new BigDecimal("1700"), null)), List.of()));
        assertThatThrownBy(() -> marginMode("acct-1", "ETH-USDT-PERP", MarginMode.ISOLATED, "2023-03-15T07:03:00Z"))
                .isInstanceOfSatisfying(InvalidEventException.class,
                        e -> assertThat(e.accepted()).endsWith("(it works orders [dec-1/i-1])"));
        assertThat(core.account("acct-1").marginModes()).isEmpty();
    }

    @Test
    void aMarginModeNeedsAnOpenedAccountASymbolAndAMode() {
        assertThatThrownBy(() -> marginMode("acct-new", PERP, MarginMode.ISOLATED, "2023-03-15T07:00:00Z"))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.field()).isEqualTo("accountId"));
        open("acct-1", "100");
        assertThatThrownBy(() -> marginMode("acct-1", " ", MarginMode.ISOLATED, "2023-03-15T07:00:00Z"))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.field()).isEqualTo("symbol"));
        assertThatThrownBy(() -> marginMode("acct-1", PERP, null, "2023-03-15T07:00:00Z"))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> {
                    assertThat(e.field()).isEqualTo("mode");
                    assertThat(e.accepted()).isEqualTo("one of [CROSS, ISOLATED]");
                });
    }

    @Test
    void aRepeatedFillIdChangesNothing() {
        open("acct-1", "1000");
        fill("acct-1", "f-1", null, Side.BUY, "0.1", "1700", "0", "2023-03-15T13:00:00Z");
        TradingCore.Applied again = core.submit(new AccountEvent.Filled("acct-1", Instant.parse("2023-03-15T13:00:00Z"), "f-1",
                null, "ETH-USD", Side.BUY, new BigDecimal("0.1"), new BigDecimal("1700"), BigDecimal.ZERO, false, true), "f-1");
        assertThat(again.duplicate()).isTrue();
        assertThat(again.state().position("ETH-USD").orElseThrow().quantity()).isEqualByComparingTo("0.1");
    }

    @Test
    void aBarMovesEquityTheHighWaterMarkAndTheDrawdownOfAHeldPosition() {
        open("acct-1", "10000");
        fill("acct-1", "f-1", null, Side.BUY, "2", "1600", "0", "2023-03-15T10:00:00Z");
        core.bar(bar("2023-03-15T10:00:00Z", "1650"));
        AccountState up = core.account("acct-1");
        // 6,800 cash + 2 x 1,650
        assertThat(up.equity()).isEqualByComparingTo("10100");
        assertThat(up.highWaterMark()).isEqualByComparingTo("10100");
        core.bar(bar("2023-03-15T10:05:00Z", "1550"));
        AccountState down = core.account("acct-1");
        assertThat(down.equity()).isEqualByComparingTo("9900");
        assertThat(down.highWaterMark()).isEqualByComparingTo("10100");
        assertThat(AccountFacts.account(down, symbol -> dev.arbiter.kb.fact.InstrumentKind.SPOT).dailyPnl()).isEqualByComparingTo("-100");
        // drawdown (10,100 - 9,900) / 10,100
        BigDecimal drawdown = down.highWaterMark().subtract(down.equity()).divide(down.highWaterMark(), 6, java.math.RoundingMode.HALF_EVEN);
        assertThat(drawdown).isEqualByComparingTo("0.019802");
    }

    @Test
    void theDayRollResetsTheDaysPnlAtTheBoundary() {
        open("acct-1", "100000");
        fill("acct-1", "f-1", null, Side.BUY, "10", "1700", "0", "2023-03-15T13:00:00Z");
        fill("acct-1", "f-2", null, Side.SELL, "10", "1450", "0", "2023-03-15T13:20:00Z");
        assertThat(core.account("acct-1").dailyPnl()).isEqualByComparingTo("-2500");
        core.submit(new AccountEvent.Transferred("acct-1", Instant.parse("2023-03-16T00:00:01Z"), "t-1", new BigDecimal("500")), "t-1");
        AccountState next = core.account("acct-1");
        assertThat(next.tradingDayStart()).isEqualTo(Instant.parse("2023-03-16T00:00:00Z"));
        assertThat(next.dailyPnl()).isEqualByComparingTo("0"); // a deposit is not profit
        assertThat(next.equity()).isEqualByComparingTo("98000");
        assertThat(journal.accountEvents("acct-1", 0)).extracting(e -> e.event().getClass().getSimpleName())
                .containsSubsequence("Filled", "DayRolled", "Transferred");
    }

    @Test
    void approvedOrdersWorkUntilReportedAndExpireUnreported() {
        open("acct-1", "100000");
        core.decide("acct-1", Instant.parse("2023-03-15T10:00:00Z"), s -> new TradingCore.Decided<>(null, "dec-1",
                Instant.parse("2023-03-15T10:00:00Z"), List.of(
                        new AccountEvent.ApprovedOrder("dec-1/i-1", "ETH-USD", Side.BUY, new BigDecimal("2"), new BigDecimal("1700"), new BigDecimal("1650")),
                        new AccountEvent.ApprovedOrder("dec-1/i-2", "ETH-USD", Side.BUY, new BigDecimal("1"), new BigDecimal("1690"), null)),
                List.of()));
        AccountState working = core.account("acct-1");
        assertThat(working.workingOrders()).hasSize(2);
        assertThat(working.reserved()).isEqualByComparingTo("5090");
        assertThat(working.freeBalance()).isEqualByComparingTo("94910");
        core.submit(new AccountEvent.OrderReported("acct-1", Instant.parse("2023-03-15T10:00:01Z"), "dec-1/i-1",
                OrderStatus.ACKNOWLEDGED, null), null);
        fill("acct-1", "f-1", "dec-1/i-1", Side.BUY, "0.5", "1700", "0", "2023-03-15T10:01:00Z");
        // five minutes on: the unreported approval expired, the acknowledged one works on, partly filled
        core.submit(new AccountEvent.Transferred("acct-1", Instant.parse("2023-03-15T10:06:00Z"), "t-1", BigDecimal.ONE), "t-1");
        AccountState later = core.account("acct-1");
        assertThat(later.workingOrders()).singleElement().satisfies(o -> {
            assertThat(o.orderId()).isEqualTo("dec-1/i-1");
            assertThat(o.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
            assertThat(o.remaining()).isEqualByComparingTo("1.5");
        });
        assertThat(later.position("ETH-USD").orElseThrow().stopPrice()).isEqualByComparingTo("1650");
        assertThat(AccountFacts.activity(working, StateSettings.DEFAULTS.rateWindow(), Instant.parse("2023-03-15T10:00:30Z")).ordersInWindow())
                .isEqualTo(2);
        assertThat(AccountFacts.activity(later, StateSettings.DEFAULTS.rateWindow(), Instant.parse("2023-03-15T10:06:00Z")).ordersInWindow())
                .isZero();
    }

    @Test
    void stopLossesInARowAndALargeLossComeFromTheClosedPositions() {
        open("acct-1", "100000");
        for (int i = 0; i < 3; i++) {
            String t = "2023-03-15T1" + i + ":00:00Z";
            core.decide("acct-1", Instant.parse(t), s -> new TradingCore.Decided<>(null, "dec-" + t, Instant.parse(t),
                    List.of(new AccountEvent.ApprovedOrder("o-" + t, "ETH-USD", Side.BUY, BigDecimal.ONE, new BigDecimal("1700"),
                            new BigDecimal("1650"))), List.of()));
            fill("acct-1", "in-" + i, "o-" + t, Side.BUY, "1", "1700", "0", t);
            // the stop was hit: closed at 1,649, below the stop it was approved with
            fill("acct-1", "out-" + i, null, Side.SELL, "1", "1649", "0", "2023-03-15T1" + i + ":30:00Z");
        }
        var history = AccountFacts.lossHistory(core.account("acct-1"), Instant.parse("2023-03-15T12:40:00Z"));
        assertThat(history.consecutiveStopLosses()).isEqualTo(3);
        assertThat(history.secondsSinceStopLoss()).isEqualTo(600);
        assertThat(history.largestRecentLoss()).isEqualByComparingTo("51");
    }

    @Test
    void officersActionsSetTheTradingStateAndTheKillSwitch() {
        open("acct-1", "100");
        core.submit(new AccountEvent.OfficerActed("acct-1", OPEN.plusSeconds(5), OfficerAction.HALT, "jane", "review"), null);
        assertThat(core.account("acct-1").tradingState()).isEqualTo(TradingState.HALTED);
        core.submit(new AccountEvent.OfficerActed("acct-1", OPEN.plusSeconds(6), OfficerAction.ENGAGE_KILL_SWITCH, "jane", "runaway"), null);
        assertThat(core.account("acct-1").killSwitch().engagedBy()).isEqualTo("jane");
        core.submit(new AccountEvent.OfficerActed("acct-1", OPEN.plusSeconds(7), OfficerAction.RESUME, "joe", "ok"), null);
        assertThat(core.account("acct-1").tradingState()).isEqualTo(TradingState.ACTIVE);
        assertThat(core.account("acct-1").killSwitch()).isNotNull();
    }

    @Test
    void aSecondOpeningBalanceIsRefusedSoNoClientCanResetItsLosses() {
        open("acct-1", "100000");
        assertThatThrownBy(() -> open("acct-1", "100000")).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("transfer");
    }

    @Test
    void theJournalFoldsToTheSameStateFromASnapshotAndItsTail() {
        InMemoryJournal shared = new InMemoryJournal();
        TradingCore first = new TradingCore(shared, StateSettings.DEFAULTS.withSnapshotEvery(3), IndicatorFacts.DEFAULT_SET);
        first.submit(new AccountEvent.Opened("acct-1", OPEN, new BigDecimal("5000"), null), null);
        first.submit(new AccountEvent.MarginModeSet("acct-1", OPEN, PERP, MarginMode.ISOLATED), null);
        for (int i = 0; i < 7; i++) {
            first.submit(new AccountEvent.Filled("acct-1", OPEN.plusSeconds(60L * i), "f-" + i, null, "ETH-USD",
                    i % 2 == 0 ? Side.BUY : Side.SELL, new BigDecimal("0.3"), new BigDecimal(1600 + i), new BigDecimal("0.1"),
                    false, true), "f-" + i);
            first.bar(bar(OPEN.plusSeconds(300L * i).toString(), String.valueOf(1610 + 3 * i)));
        }
        assertThat(shared.lastSnapshot("acct-1")).hasValueSatisfying(
                snapshot -> assertThat(snapshot.state().marginMode(PERP)).isEqualTo(MarginMode.ISOLATED));
        TradingCore restarted = new TradingCore(shared, StateSettings.DEFAULTS.withSnapshotEvery(3), IndicatorFacts.DEFAULT_SET);
        assertThat(StateHash.of(restarted.account("acct-1"))).isEqualTo(StateHash.of(first.account("acct-1")));
        assertThat(restarted.account("acct-1").journalPosition()).isEqualTo(first.account("acct-1").journalPosition());
        TradingCore fromScratch = new TradingCore(withoutSnapshots(shared), StateSettings.DEFAULTS, IndicatorFacts.DEFAULT_SET);
        assertThat(StateHash.of(fromScratch.account("acct-1"))).isEqualTo(StateHash.of(first.account("acct-1")));
    }

    private static InMemoryJournal withoutSnapshots(InMemoryJournal journal) {
        InMemoryJournal copy = new InMemoryJournal();
        for (String account : journal.accounts()) {
            journal.accountEvents(account, 0).forEach(e -> copy.append(account, e.position(), null, e.event()));
        }
        for (String symbol : journal.symbols()) {
            journal.marketEvents(symbol).forEach(e -> copy.append(symbol, e.position(), e.event()));
        }
        return copy;
    }

    static dev.arbiter.kb.fact.Bar bar(String open, String close) {
        BigDecimal c = new BigDecimal(close);
        return new dev.arbiter.kb.fact.Bar("ETH-USD", Instant.parse(open), java.time.Duration.ofMinutes(5), c, c, c, c, BigDecimal.TEN);
    }
}
