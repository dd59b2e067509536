package dev.arbiter.engine.state;

import dev.arbiter.kb.fact.KillSwitch;
import dev.arbiter.kb.fact.LossHistory;
import dev.arbiter.kb.fact.Margin;
import dev.arbiter.kb.fact.OrderActivity;
import dev.arbiter.kb.fact.TradingControl;
import dev.arbiter.kb.fact.TradingState;
import dev.arbiter.kb.state.AccountState;
import dev.arbiter.kb.state.MarginSetting;
import dev.arbiter.kb.state.PositionState;
import dev.arbiter.kb.state.WorkingOrder;
import dev.arbiter.rules.pack.LimitSet;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/**
 * An account as the engine sees it, for people and trading systems to read ({@code GET /v1/accounts/{id}}): every
 * figure from the engine's state as of its last event, with the journal position and state hash it reflects.
 *
 * @param marginModes the instruments the account margins otherwise than cross (every other one is cross)
 */
public record AccountView(String accountId, long journalPosition, String stateHash, Instant asOf, boolean opened,
                          BigDecimal cash, BigDecimal reserved, BigDecimal freeBalance, BigDecimal equity,
                          BigDecimal highWaterMark, BigDecimal drawdown, BigDecimal dailyPnl, Instant tradingDayStart,
                          List<HeldPosition> positions, List<WorkingOrder> workingOrders, Margin margin,
                          OrderActivity activity, LossHistory lossHistory, TradingState tradingState,
                          List<TradingControl> controls, KillSwitch killSwitch, List<MarginSetting> marginModes) {

    /** A position with its mark and what it is worth there. */
    public record HeldPosition(String symbol, BigDecimal quantity, BigDecimal averagePrice, BigDecimal mark,
                               BigDecimal marketValue, BigDecimal unrealisedPnl, BigDecimal realisedPnl,
                               BigDecimal stopPrice) {
    }

    public static AccountView of(AccountState s, DeskState desk, LimitSet limits, StateSettings settings) {
        Instant asOf = s.lastEventAt() == null ? Instant.EPOCH : s.lastEventAt();
        BigDecimal equity = s.equity();
        BigDecimal hwm = s.highWaterMark().max(equity);
        BigDecimal drawdown = hwm.signum() == 0 ? BigDecimal.ZERO
                : hwm.subtract(equity).divide(hwm, 6, RoundingMode.HALF_EVEN);
        List<HeldPosition> held = s.positions().stream().map(p -> held(s, p)).toList();
        List<String> symbols = s.positions().stream().map(PositionState::symbol).toList();
        return new AccountView(s.accountId(), s.journalPosition(), StateHash.of(s), s.lastEventAt(), s.opened(),
                AccountBook.n(s.cash()), AccountBook.n(s.reserved()), AccountBook.n(s.freeBalance()), AccountBook.n(equity),
                AccountBook.n(hwm), AccountBook.n(drawdown), AccountBook.n(s.dailyPnl()), s.tradingDayStart(), held,
                s.workingOrders(), AccountFacts.margin(s, limits).stream().findFirst().orElse(null),
                AccountFacts.activity(s, settings.rateWindow(), asOf), AccountFacts.lossHistory(s, asOf),
                s.tradingState(), AccountFacts.controls(s, desk, symbols), AccountFacts.killSwitch(s, desk),
                s.marginModes());
    }

    private static HeldPosition held(AccountState s, PositionState p) {
        BigDecimal mark = s.valuationPrice(p);
        return new HeldPosition(p.symbol(), p.quantity(), p.averagePrice(), mark, AccountBook.n(p.quantity().multiply(mark)),
                AccountBook.n(mark.subtract(p.averagePrice()).multiply(p.quantity())), p.realisedPnl(), p.stopPrice());
    }
}
