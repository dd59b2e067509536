package dev.arbiter.engine.state;

import dev.arbiter.kb.fact.KillSwitch;
import dev.arbiter.kb.fact.MarginMode;
import dev.arbiter.kb.fact.Side;
import dev.arbiter.kb.fact.TradingControl;
import dev.arbiter.kb.fact.TradingState;
import dev.arbiter.kb.outcome.HaltScope;
import dev.arbiter.kb.state.AccountState;
import dev.arbiter.kb.state.ClosedTrade;
import dev.arbiter.kb.state.MarginSetting;
import dev.arbiter.kb.state.Mark;
import dev.arbiter.kb.state.OrderStatus;
import dev.arbiter.kb.state.PositionState;
import dev.arbiter.kb.state.WorkingOrder;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The fold: an account's state after one more event of its journal. Pure and exact (decimals throughout,
 * normalised so that equal amounts print alike), so the same journal always gives the same state and the same hash.
 * Events reach it validated ({@link EventChecks}); it assumes nothing else.
 */
public final class AccountBook {

    /** Closed positions kept for the cooldown rules, at most. */
    static final int CLOSED_TRADES_KEPT = 100;

    private final StateSettings settings;

    public AccountBook(StateSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public StateSettings settings() {
        return settings;
    }

    /** The state after {@code event}, the event at journal position {@code position}. */
    public AccountState apply(AccountState state, long position, AccountEvent event) {
        Draft d = new Draft(state);
        switch (event) {
            case AccountEvent.Opened e -> {
                d.opened = true;
                d.cash = e.cash();
                d.tradingDayStart = settings.dayStartOf(e.at());
                d.dayStartEquity = d.equity();
                d.dayTransfers = BigDecimal.ZERO;
                d.highWaterMark = e.highWaterMark() == null ? d.equity() : e.highWaterMark().max(d.equity());
            }
            case AccountEvent.Transferred e -> {
                d.cash = d.cash.add(e.amount());
                d.dayTransfers = d.dayTransfers.add(e.amount());
                d.highWaterMark = d.highWaterMark.add(e.amount());
            }
            case AccountEvent.Filled e -> fill(d, e);
            case AccountEvent.Funded e -> d.cash = d.cash.add(e.amount());
            case AccountEvent.MarginModeSet e -> d.marginMode(e.symbol(), e.mode());
            case AccountEvent.OrderReported e -> report(d, e);
            case AccountEvent.Marked e -> d.mark(e.symbol(), e.price(), e.at());
            case AccountEvent.OfficerActed e -> officer(d, e);
            case AccountEvent.DayRolled e -> {
                d.tradingDayStart = e.dayStart();
                d.dayStartEquity = d.equity();
                d.dayTransfers = BigDecimal.ZERO;
            }
            case AccountEvent.OrderExpired e -> d.orders.removeIf(o -> o.orderId().equals(e.orderId()));
            case AccountEvent.Decided e -> {
                for (AccountEvent.ApprovedOrder o : e.orders()) {
                    d.orders.add(new WorkingOrder(o.orderId(), e.decisionId(), o.symbol(), o.side(), n(o.quantity()),
                            BigDecimal.ZERO, n(o.price()), o.stopLoss() == null ? null : n(o.stopLoss()), e.at(),
                            e.at().plus(settings.timeInForce()), OrderStatus.APPROVED));
                    d.orderTimes.add(e.at());
                    d.messageTimes.add(e.at());
                }
            }
            case AccountEvent.Reconciled e -> { } // recorded for the audit, never obeyed
        }
        Instant last = state.lastEventAt() == null || event.at().isAfter(state.lastEventAt()) ? event.at() : state.lastEventAt();
        d.prune(last);
        d.highWaterMark = d.highWaterMark.max(d.equity());
        return d.build(position, last);
    }

    private void fill(Draft d, AccountEvent.Filled e) {
        BigDecimal value = e.quantity().multiply(e.price());
        d.cash = d.cash.add(e.side() == Side.BUY ? value.negate() : value).subtract(e.fee());
        BigDecimal openedStop = null;
        WorkingOrder order = e.orderId() == null ? null : d.order(e.orderId());
        if (order != null) {
            BigDecimal filled = order.filledQuantity().add(e.quantity());
            d.orders.remove(order);
            if (filled.compareTo(order.quantity()) < 0) {
                d.orders.add(d.orders.size(), new WorkingOrder(order.orderId(), order.decisionId(), order.symbol(),
                        order.side(), order.quantity(), n(filled), order.price(), order.stopLoss(), order.approvedAt(),
                        order.expiresAt(), OrderStatus.PARTIALLY_FILLED));
                d.orders.sort(Comparator.comparing(WorkingOrder::approvedAt).thenComparing(WorkingOrder::orderId));
            }
            openedStop = order.stopLoss();
        }
        BigDecimal signed = e.side() == Side.BUY ? e.quantity() : e.quantity().negate();
        PositionState held = d.position(e.symbol());
        BigDecimal quantity = held == null ? BigDecimal.ZERO : held.quantity();
        BigDecimal average = held == null ? e.price() : held.averagePrice();
        BigDecimal realised = held == null ? BigDecimal.ZERO : held.realisedPnl();
        BigDecimal stop = held == null ? null : held.stopPrice();
        BigDecimal after = quantity.add(signed);
        if (quantity.signum() == 0 || signed.signum() == quantity.signum()) {
            // opened or added to: volume-weighted entry, the fee is a cost of the position
            average = quantity.signum() == 0 ? e.price()
                    : average.multiply(quantity).add(e.price().multiply(signed)).divide(after, MathContext.DECIMAL64);
            realised = realised.subtract(e.fee());
            if (openedStop != null) {
                stop = openedStop;
            }
            d.putPosition(new PositionState(e.symbol(), n(after), n(average), n(realised), stop));
        } else {
            BigDecimal closing = signed.abs().min(quantity.abs());
            BigDecimal pnl = e.price().subtract(average).multiply(closing).multiply(BigDecimal.valueOf(quantity.signum()));
            BigDecimal fee = e.fee();
            if (after.signum() != 0 && after.signum() != quantity.signum()) {
                // flipped: the part beyond flat opens a new position, carrying its share of the fee
                BigDecimal share = fee.multiply(closing).divide(signed.abs(), MathContext.DECIMAL64);
                realised = realised.add(pnl).subtract(share);
                d.close(e, realised, stop, average);
                d.putPosition(new PositionState(e.symbol(), n(after), n(e.price()), n(share.subtract(fee)), openedStop));
            } else {
                realised = realised.add(pnl).subtract(fee);
                if (after.signum() == 0) {
                    d.close(e, realised, stop, average);
                    d.removePosition(e.symbol());
                } else {
                    d.putPosition(new PositionState(e.symbol(), n(after), average, n(realised), stop));
                }
            }
        }
        if (d.markOf(e.symbol()) == null) {
            d.mark(e.symbol(), e.price(), e.at()); // no market data yet: the fill is the latest price known
        }
    }

    private static void report(Draft d, AccountEvent.OrderReported e) {
        WorkingOrder order = d.order(e.orderId());
        if (order == null) {
            return;
        }
        d.orders.remove(order);
        if (!e.status().terminal()) {
            d.orders.add(new WorkingOrder(order.orderId(), order.decisionId(), order.symbol(), order.side(),
                    order.quantity(), order.filledQuantity(), order.price(), order.stopLoss(), order.approvedAt(),
                    order.expiresAt(), order.filledQuantity().signum() > 0 ? OrderStatus.PARTIALLY_FILLED : e.status()));
            d.orders.sort(Comparator.comparing(WorkingOrder::approvedAt).thenComparing(WorkingOrder::orderId));
        }
        if (e.status() == OrderStatus.CANCELLED) {
            d.messageTimes.add(e.at()); // the cancel request is a message
        }
    }

    private static void officer(Draft d, AccountEvent.OfficerActed e) {
        switch (e.action()) {
            case HALT -> d.control = new TradingControl(HaltScope.ACCOUNT, e.accountId(), TradingState.HALTED, e.by(), e.reason());
            case REDUCE_ONLY -> d.control = new TradingControl(HaltScope.ACCOUNT, e.accountId(), TradingState.REDUCING,
                    e.by(), e.reason());
            case RESUME -> d.control = null;
            case ENGAGE_KILL_SWITCH -> d.killSwitch = new KillSwitch(true, e.by(), e.at(), e.reason());
            case RELEASE_KILL_SWITCH -> d.killSwitch = null;
        }
    }

    /**
     * Amounts in one form: trailing zeros stripped, zero as 0, never a negative scale (100000, not 1E+5), so a figure
     * reads back from its JSON as the same value it was written from.
     */
    static BigDecimal n(BigDecimal value) {
        if (value.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** A mutable copy of a state while one event is applied. */
    private final class Draft {
        final String accountId;
        boolean opened;
        BigDecimal cash;
        final List<PositionState> positions;
        final List<WorkingOrder> orders;
        final List<Mark> marks;
        BigDecimal highWaterMark;
        Instant tradingDayStart;
        BigDecimal dayStartEquity;
        BigDecimal dayTransfers;
        final List<Instant> orderTimes;
        final List<Instant> messageTimes;
        final List<ClosedTrade> closed;
        TradingControl control;
        KillSwitch killSwitch;
        final List<MarginSetting> marginModes;

        Draft(AccountState s) {
            accountId = s.accountId();
            opened = s.opened();
            cash = s.cash();
            positions = new ArrayList<>(s.positions());
            orders = new ArrayList<>(s.workingOrders());
            marks = new ArrayList<>(s.marks());
            highWaterMark = s.highWaterMark();
            tradingDayStart = s.tradingDayStart();
            dayStartEquity = s.dayStartEquity();
            dayTransfers = s.dayTransfers();
            orderTimes = new ArrayList<>(s.orderTimes());
            messageTimes = new ArrayList<>(s.messageTimes());
            closed = new ArrayList<>(s.closedTrades());
            control = s.control();
            killSwitch = s.killSwitch();
            marginModes = new ArrayList<>(s.marginModes());
        }

        WorkingOrder order(String orderId) {
            return orders.stream().filter(o -> o.orderId().equals(orderId)).findFirst().orElse(null);
        }

        PositionState position(String symbol) {
            return positions.stream().filter(p -> p.symbol().equals(symbol)).findFirst().orElse(null);
        }

        void putPosition(PositionState p) {
            removePosition(p.symbol());
            positions.add(p);
            positions.sort(Comparator.comparing(PositionState::symbol));
        }

        void removePosition(String symbol) {
            positions.removeIf(p -> p.symbol().equals(symbol));
        }

        Mark markOf(String symbol) {
            return marks.stream().filter(m -> m.symbol().equals(symbol)).findFirst().orElse(null);
        }

        void mark(String symbol, BigDecimal price, Instant at) {
            marks.removeIf(m -> m.symbol().equals(symbol));
            marks.add(new Mark(symbol, n(price), at));
            marks.sort(Comparator.comparing(Mark::symbol));
        }

        /** Cross is the default: only the other modes are kept, so an account that never set one hashes as before. */
        void marginMode(String symbol, MarginMode mode) {
            marginModes.removeIf(m -> m.symbol().equals(symbol));
            if (mode != MarginMode.CROSS) {
                marginModes.add(new MarginSetting(symbol, mode));
                marginModes.sort(Comparator.comparing(MarginSetting::symbol));
            }
        }

        void close(AccountEvent.Filled e, BigDecimal realised, BigDecimal stop, BigDecimal average) {
            boolean long_ = e.side() == Side.SELL;
            boolean atStop = stop != null && (long_ ? e.price().compareTo(stop) <= 0 : e.price().compareTo(stop) >= 0);
            closed.add(new ClosedTrade(e.symbol(), e.at(), n(realised), e.stopLoss() || atStop));
        }

        BigDecimal equity() {
            BigDecimal equity = cash;
            for (PositionState p : positions) {
                Mark m = markOf(p.symbol());
                equity = equity.add(p.quantity().multiply(m == null ? p.averagePrice() : m.price()));
            }
            return equity;
        }

        void prune(Instant now) {
            Instant rateFrom = now.minus(settings.rateWindow());
            orderTimes.removeIf(t -> !t.isAfter(rateFrom));
            messageTimes.removeIf(t -> !t.isAfter(rateFrom));
            Instant lossFrom = now.minus(settings.lossLookback());
            closed.removeIf(t -> t.closedAt().isBefore(lossFrom));
            while (closed.size() > CLOSED_TRADES_KEPT) {
                closed.removeFirst();
            }
        }

        AccountState build(long position, Instant last) {
            return new AccountState(accountId, position, last, opened, n(cash), positions, orders, marks,
                    n(highWaterMark), tradingDayStart, n(dayStartEquity), n(dayTransfers), orderTimes, messageTimes,
                    closed, control, killSwitch, marginModes);
        }
    }
}
