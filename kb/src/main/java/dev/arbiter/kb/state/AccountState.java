package dev.arbiter.kb.state;

import dev.arbiter.kb.fact.KillSwitch;
import dev.arbiter.kb.fact.MarginMode;
import dev.arbiter.kb.fact.Side;
import dev.arbiter.kb.fact.TradingControl;
import dev.arbiter.kb.fact.TradingState;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An account as the engine owns it: the fold of its journal up to {@code journalPosition}. Every figure a risk
 * control reads about the account comes from here, never from a client.
 *
 * @param journalPosition  the sequence number of the last event of the account's journal this state reflects
 * @param lastEventAt      the time of that event
 * @param opened           whether an opening balance was set
 * @param cash             cash held, before the working orders' reservations
 * @param positions        open positions by symbol, sorted; flat ones are dropped
 * @param workingOrders    orders approved and not yet done, in approval order
 * @param marks            the last market price of each instrument the account holds or traded, sorted by symbol
 * @param highWaterMark    the highest equity marked since the account opened
 * @param tradingDayStart  the start of the trading day the day's P&amp;L counts from
 * @param dayStartEquity   equity at that start (or at the opening balance)
 * @param dayTransfers     deposits less withdrawals since then (not profit or loss)
 * @param orderTimes       when orders were sent, within the rate window
 * @param messageTimes     when order messages (orders, cancels) were sent, within the rate window
 * @param closedTrades     positions closed within the loss lookback, oldest first
 * @param control          the account's trading state as an officer last set it (halted or reduce-only, by whom and
 *                         why), or null while it trades normally
 * @param killSwitch       the account's kill switch when an officer engaged it, else null
 * @param marginModes      the instruments the account margins otherwise than cross, sorted by symbol (cross is the
 *                         default and is not kept)
 */
public record AccountState(String accountId, long journalPosition, Instant lastEventAt, boolean opened,
                           BigDecimal cash, List<PositionState> positions, List<WorkingOrder> workingOrders,
                           List<Mark> marks, BigDecimal highWaterMark, Instant tradingDayStart,
                           BigDecimal dayStartEquity, BigDecimal dayTransfers, List<Instant> orderTimes,
                           List<Instant> messageTimes, List<ClosedTrade> closedTrades, TradingControl control,
                           KillSwitch killSwitch, List<MarginSetting> marginModes) {

    public AccountState {
        positions = List.copyOf(positions);
        workingOrders = List.copyOf(workingOrders);
        marks = List.copyOf(marks);
        orderTimes = List.copyOf(orderTimes);
        messageTimes = List.copyOf(messageTimes);
        closedTrades = List.copyOf(closedTrades);
        marginModes = marginModes == null ? List.of() : List.copyOf(marginModes); // none in snapshots taken before
    }

    /** An account nothing has happened to yet. */
    public static AccountState empty(String accountId) {
        return new AccountState(accountId, 0, null, false, BigDecimal.ZERO, List.of(), List.of(), List.of(),
                BigDecimal.ZERO, null, BigDecimal.ZERO, BigDecimal.ZERO, List.of(), List.of(), List.of(),
                null, null, List.of());
    }

    /** The account's trading state: as an officer set it, else ACTIVE. */
    public TradingState tradingState() {
        return control == null ? TradingState.ACTIVE : control.state();
    }

    public Optional<PositionState> position(String symbol) {
        return positions.stream().filter(p -> p.symbol().equals(symbol)).findFirst();
    }

    /** How the account margins its position in {@code symbol}: as it set it, else cross. */
    public MarginMode marginMode(String symbol) {
        return marginModes.stream().filter(m -> m.symbol().equals(symbol)).map(MarginSetting::mode).findFirst()
                .orElse(MarginMode.CROSS);
    }

    public Optional<Mark> mark(String symbol) {
        return marks.stream().filter(m -> m.symbol().equals(symbol)).findFirst();
    }

    public Optional<WorkingOrder> workingOrder(String orderId) {
        return workingOrders.stream().filter(o -> o.orderId().equals(orderId)).findFirst();
    }

    /** The price a position is valued at: its mark, or its entry price while the instrument has no mark. */
    public BigDecimal valuationPrice(PositionState position) {
        return mark(position.symbol()).map(Mark::price).orElse(position.averagePrice());
    }

    /** Cash plus every position valued at its mark (a short is a liability). */
    public BigDecimal equity() {
        BigDecimal equity = cash;
        for (PositionState p : positions) {
            equity = equity.add(p.quantity().multiply(valuationPrice(p)));
        }
        return equity;
    }

    /** Unrealised profit or loss of the open positions at their marks. */
    public BigDecimal unrealisedPnl() {
        BigDecimal pnl = BigDecimal.ZERO;
        for (PositionState p : positions) {
            pnl = pnl.add(valuationPrice(p).subtract(p.averagePrice()).multiply(p.quantity()));
        }
        return pnl;
    }

    /** Profit or loss since the start of the trading day: the change in equity, transfers left out. */
    public BigDecimal dailyPnl() {
        return equity().subtract(dayStartEquity).subtract(dayTransfers);
    }

    /** Cash the working buy orders hold back at their limit prices. */
    public BigDecimal reserved() {
        return workingOrders.stream().filter(o -> o.side() == Side.BUY).map(WorkingOrder::remainingNotional)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Cash left for new orders once the working orders' reservations are held back. */
    public BigDecimal freeBalance() {
        return cash.subtract(reserved());
    }

    /** Gross value of the open positions at their marks. */
    public BigDecimal grossExposure() {
        return positions.stream().map(p -> p.quantity().abs().multiply(valuationPrice(p)))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
