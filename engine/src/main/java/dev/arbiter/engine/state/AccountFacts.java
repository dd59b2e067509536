package dev.arbiter.engine.state;

import dev.arbiter.kb.fact.Account;
import dev.arbiter.kb.fact.InstrumentKind;
import dev.arbiter.kb.fact.KillSwitch;
import dev.arbiter.kb.fact.LossHistory;
import dev.arbiter.kb.fact.Margin;
import dev.arbiter.kb.fact.OpenOrder;
import dev.arbiter.kb.fact.OrderActivity;
import dev.arbiter.kb.fact.Position;
import dev.arbiter.kb.fact.TradingControl;
import dev.arbiter.kb.margin.BookRisk;
import dev.arbiter.kb.margin.Holding;
import dev.arbiter.kb.outcome.HaltScope;
import dev.arbiter.kb.state.AccountState;
import dev.arbiter.kb.state.ClosedTrade;
import dev.arbiter.kb.state.MarginSetting;
import dev.arbiter.kb.state.PositionState;
import dev.arbiter.rules.pack.LimitSet;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * The facts rules see about an account, derived from the engine's state and nothing else: the one definition of the
 * account's equity, balance, day's P&amp;L, positions, working orders, order activity, loss history, margin, margin
 * modes, trading controls and kill switch, used by every driver.
 */
public final class AccountFacts {

    public static final String MARGIN_RATE = "margin-rate";
    public static final String MAX_LEVERAGE = "max-leverage";

    private AccountFacts() {
    }

    /**
     * The account as its fact: equity marked to market; as free balance the wallet before reservations (the cash
     * the book holds, with the cost of open perpetual positions given back, since a perpetual's fill pays no
     * notional), never below zero.
     *
     * @param kindOf symbol &rarr; the kind of instrument it is
     */
    public static Account account(AccountState s, Function<String, InstrumentKind> kindOf) {
        BigDecimal equity = AccountBook.n(s.equity().max(BigDecimal.ZERO));
        List<Holding> holdings = s.positions().stream()
                .map(p -> new Holding(p.symbol(), p.quantity(), p.averagePrice(), s.marginMode(p.symbol()))).toList();
        BigDecimal wallet = BookRisk.wallet(s.cash(), holdings, kindOf);
        return new Account(s.accountId(), equity, AccountBook.n(wallet.max(BigDecimal.ZERO)),
                AccountBook.n(s.highWaterMark().max(equity)), AccountBook.n(s.dailyPnl()), s.tradingState());
    }

    public static List<Position> positions(AccountState s, Collection<String> symbols) {
        return s.positions().stream().filter(p -> symbols.contains(p.symbol()))
                .map(p -> new Position(s.accountId(), p.symbol(), p.quantity(), p.averagePrice())).toList();
    }

    /** The instruments among {@code symbols} the account margins otherwise than cross, as it set them. */
    public static List<MarginSetting> marginModes(AccountState s, Collection<String> symbols) {
        return s.marginModes().stream().filter(m -> symbols.contains(m.symbol())).toList();
    }

    /** Working orders as the rules see them: the unfilled part at its limit price. */
    public static List<OpenOrder> openOrders(AccountState s, Collection<String> symbols) {
        return s.workingOrders().stream().filter(o -> symbols.contains(o.symbol()))
                .map(o -> new OpenOrder(o.orderId(), s.accountId(), o.symbol(), o.side(), o.remaining(), o.price()))
                .toList();
    }

    /** Orders and messages within the rate window before {@code asOf}, as the engine counted them. */
    public static OrderActivity activity(AccountState s, Duration window, Instant asOf) {
        Instant from = asOf.minus(window);
        int orders = (int) s.orderTimes().stream().filter(t -> t.isAfter(from) && !t.isAfter(asOf)).count();
        int messages = (int) s.messageTimes().stream().filter(t -> t.isAfter(from) && !t.isAfter(asOf)).count();
        return new OrderActivity(s.accountId(), window.toSeconds(), orders, Math.max(orders, messages));
    }

    /** Stop-losses in a row and the largest recent loss, from the positions the engine saw closed. */
    public static LossHistory lossHistory(AccountState s, Instant asOf) {
        List<ClosedTrade> closed = s.closedTrades().stream().filter(t -> !t.closedAt().isAfter(asOf)).toList();
        int streak = 0;
        for (int i = closed.size() - 1; i >= 0 && closed.get(i).stopLoss(); i--) {
            streak++;
        }
        long sinceStop = closed.stream().filter(ClosedTrade::stopLoss).reduce((a, b) -> b)
                .map(t -> Duration.between(t.closedAt(), asOf).toSeconds()).orElse(-1L);
        ClosedTrade largest = null;
        for (ClosedTrade t : closed) {
            if (t.pnl().signum() < 0 && (largest == null || t.pnl().compareTo(largest.pnl()) <= 0)) {
                largest = t;
            }
        }
        return new LossHistory(s.accountId(), streak, sinceStop,
                largest == null ? BigDecimal.ZERO : AccountBook.n(largest.pnl().negate()),
                largest == null ? -1 : Duration.between(largest.closedAt(), asOf).toSeconds());
    }

    /**
     * Margin used by the open positions (gross value at their marks times the margin rate) against the capacity the
     * limits give the account (equity times the maximum leverage); none while the account has no equity.
     */
    public static List<Margin> margin(AccountState s, LimitSet limits) {
        BigDecimal equity = s.equity();
        if (equity.signum() <= 0) {
            return List.of();
        }
        BigDecimal used = BigDecimal.ZERO;
        for (PositionState p : s.positions()) {
            used = used.add(p.quantity().abs().multiply(s.valuationPrice(p)));
        }
        used = used.multiply(limits.require(MARGIN_RATE));
        return List.of(new Margin(s.accountId(), AccountBook.n(used),
                AccountBook.n(equity.multiply(limits.require(MAX_LEVERAGE)))));
    }

    /** The trading controls in force for this account and these instruments: the desk's and the account's own. */
    public static List<TradingControl> controls(AccountState s, DeskState desk, Collection<String> symbols) {
        List<TradingControl> controls = new ArrayList<>();
        for (TradingControl c : desk.controls()) {
            if (c.scope() == HaltScope.GLOBAL || c.scope() == HaltScope.INSTRUMENT && symbols.contains(c.target())) {
                controls.add(c);
            }
        }
        if (s.control() != null) {
            controls.add(s.control());
        }
        return controls;
    }

    /** The kill switch in force: the account's own, else the desk's; null when neither is engaged. */
    public static KillSwitch killSwitch(AccountState s, DeskState desk) {
        return s.killSwitch() != null ? s.killSwitch() : desk.killSwitch();
    }
}
