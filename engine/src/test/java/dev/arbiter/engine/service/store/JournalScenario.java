package dev.arbiter.engine.service.store;

import dev.arbiter.engine.state.AccountEvent;
import dev.arbiter.engine.state.DeskEvent;
import dev.arbiter.engine.state.OfficerAction;
import dev.arbiter.engine.state.TradingCore;
import dev.arbiter.kb.fact.Bar;
import dev.arbiter.kb.fact.MarginMode;
import dev.arbiter.kb.fact.ReconciliationBreak;
import dev.arbiter.kb.fact.Side;
import dev.arbiter.kb.outcome.HaltScope;
import dev.arbiter.kb.state.OrderStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A trading day and a half through the core: three accounts opened (one margining a perpetual in isolation), ETH-USD
 * and BTC-USD bars marking the positions, decisions approving orders that are acknowledged, filled, cancelled or left
 * to expire, transfers, officers' actions on an account and on the desk, a claim that did not reconcile, and a day
 * roll at midnight.
 */
final class JournalScenario {

    static final Instant START = Instant.parse("2023-03-15T20:00:00Z");
    static final List<String> ACCOUNTS = List.of("acct-1", "acct-2", "acct-3");

    private JournalScenario() {
    }

    static void drive(TradingCore core) {
        core.submit(new DeskEvent(START, HaltScope.INSTRUMENT, "BTC-USD", OfficerAction.HALT, "jane", "exchange outage"));
        for (String account : ACCOUNTS) {
            core.submit(new AccountEvent.Opened(account, START, new BigDecimal("100000.00"), null), null);
        }
        core.submit(new AccountEvent.MarginModeSet("acct-2", START, "BTC-USDT-PERP", MarginMode.ISOLATED), null);
        for (int i = 0; i < 60; i++) {
            Instant t = START.plus(Duration.ofMinutes(5L * i));
            core.bar(bar("ETH-USD", t, new BigDecimal("1700.00").add(BigDecimal.valueOf((i % 7) * 3 - 9))));
            if (i % 3 == 0) {
                core.bar(bar("BTC-USD", t, new BigDecimal("24500.5").add(BigDecimal.valueOf(i))));
            }
            String account = ACCOUNTS.get((i / 6) % ACCOUNTS.size());
            Instant at = t.plusSeconds(30);
            switch (i % 6) {
                case 0 -> {
                    String decision = "dec-" + i;
                    List<ReconciliationBreak> breaks = i == 0
                            ? List.of(new ReconciliationBreak(account, "equity", "99000", "100000.00")) : List.of();
                    core.decide(account, at, s -> new TradingCore.Decided<>(null, decision, at, List.of(
                            new AccountEvent.ApprovedOrder(decision + "/i-1", "ETH-USD", Side.BUY, new BigDecimal("0.5"),
                                    new BigDecimal("1710"), new BigDecimal("1650")),
                            new AccountEvent.ApprovedOrder(decision + "/i-2", "BTC-USD", Side.BUY, new BigDecimal("0.01"),
                                    new BigDecimal("24600"), null)),
                            breaks));
                    core.submit(new AccountEvent.OrderReported(account, at.plusSeconds(1), decision + "/i-1",
                            OrderStatus.ACKNOWLEDGED, null), null);
                    core.submit(new AccountEvent.Filled(account, at.plusSeconds(2), "f-" + i, decision + "/i-1", "ETH-USD",
                            Side.BUY, new BigDecimal("0.5"), new BigDecimal("1709.99"), new BigDecimal("0.17"), false,
                            false), "f-" + i);
                    // the BTC order is never reported: it expires with the account's next event five minutes on
                }
                case 1 -> core.submit(new AccountEvent.Transferred(account, at, "t-" + i, new BigDecimal("250.5")), "t-" + i);
                case 2 -> core.submit(new AccountEvent.Filled(account, at, "f-" + i, null, "ETH-USD", Side.SELL,
                        new BigDecimal("0.25"), new BigDecimal("1702.125"), new BigDecimal("0.0425"), i % 4 == 0, true),
                        "f-" + i);
                case 3 -> {
                    String decision = "dec-" + i;
                    core.decide(account, at, s -> new TradingCore.Decided<>(null, decision, at, List.of(
                            new AccountEvent.ApprovedOrder(decision + "/i-1", "ETH-USD", Side.SELL, new BigDecimal("0.1"),
                                    new BigDecimal("1690"), null)), List.of()));
                    core.submit(new AccountEvent.OrderReported(account, at.plusSeconds(3), decision + "/i-1",
                            OrderStatus.CANCELLED, "client cancelled"), null);
                }
                case 4 -> core.submit(new AccountEvent.OfficerActed(account, at, i % 12 == 4 ? OfficerAction.REDUCE_ONLY
                        : OfficerAction.RESUME, "joe", "drawdown review"), null);
                default -> core.submit(new AccountEvent.Transferred(account, at, "w-" + i, new BigDecimal("-10")), "w-" + i);
            }
            if (i == 30) {
                core.submit(new DeskEvent(t, HaltScope.INSTRUMENT, "BTC-USD", OfficerAction.RESUME, "jane", "venue back"));
                core.submit(new DeskEvent(t, HaltScope.GLOBAL, "*", OfficerAction.ENGAGE_KILL_SWITCH, "jane", "drill"));
                core.submit(new DeskEvent(t.plusSeconds(60), HaltScope.GLOBAL, "*", OfficerAction.RELEASE_KILL_SWITCH,
                        "jane", "drill over"));
            }
        }
    }

    static Bar bar(String symbol, Instant open, BigDecimal close) {
        return new Bar(symbol, open, Duration.ofMinutes(5), close, close.add(BigDecimal.ONE), close.subtract(BigDecimal.ONE),
                close, new BigDecimal("12.5"));
    }
}
