package dev.arbiter.scenarios.run;

import dev.arbiter.engine.state.AccountEvent;
import dev.arbiter.engine.state.TradingCore;
import dev.arbiter.kb.fact.Bar;
import dev.arbiter.kb.fact.Side;
import dev.arbiter.kb.state.AccountState;
import dev.arbiter.kb.state.ClosedTrade;
import dev.arbiter.kb.state.OrderStatus;
import dev.arbiter.kb.state.PositionState;
import dev.arbiter.scenarios.spec.ExitSpec;
import dev.arbiter.scenarios.spec.FillSpec;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The venue a scenario trades at, simulated over the scenario's bars. It reports to the engine exactly as a trading
 * system would, as the engine's own events: an approved order is {@code ACKNOWLEDGED} at once; it fills at the open of
 * the bar {@link FillSpec#latencyBars()} after the next one, moved against it by the slippage and paying the fee; a
 * limit buy the market opened above is {@code CANCELLED}. It also holds the exits of every position, like resting
 * orders at the venue that need no pre-trade decision: the position's protective stop (touched by a bar's low, filled
 * at the stop or at the open if the market gapped through it; reported as a stop-loss) and its maximum holding time.
 * The position, its stop and its cash are the engine's ({@link TradingCore#account}); the venue keeps only what a
 * venue knows: the orders resting with it and when it opened each position.
 */
final class SimulatedVenue {

    /** Why the venue executed. */
    enum Execution {
        /** an approved order filled */
        ENTRY,
        /** a position's protective stop */
        STOP,
        /** a position held for the maximum number of bars */
        TIME,
        /** a position still open when the run ended, closed at its last mark */
        END;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * An approved order resting at the venue.
     *
     * @param dueStep      the first step whose bar may fill it
     * @param limit        the limit a buy must not open above, or null for a market order
     * @param origin       the strategy rule or client that proposed it
     * @param rulesStop    the protective stop the decision's rules concluded for it, or null; used when the engine's
     *                     position carries none
     */
    record Resting(String orderId, String symbol, Side side, BigDecimal quantity, int dueStep, BigDecimal limit,
                   String origin, BigDecimal rulesStop) {
    }

    /** A position as the venue opened it. */
    private static final class Opened {
        final int step;
        final Instant at;
        final String origin;
        BigDecimal fees;
        BigDecimal rulesStop;

        Opened(int step, Instant at, String origin, BigDecimal fees, BigDecimal rulesStop) {
            this.step = step;
            this.at = at;
            this.origin = origin;
            this.fees = fees;
            this.rulesStop = rulesStop;
        }
    }

    private final TradingCore core;
    private final String accountId;
    private final FillSpec fills;
    private final ExitSpec exits;
    private final BigDecimal buyFactor;
    private final BigDecimal sellFactor;
    private final BigDecimal feeRate;
    private final List<Resting> resting = new ArrayList<>();
    private final Map<String, Opened> opened = new HashMap<>();
    private final Map<String, Execution> executions = new HashMap<>();
    private final List<Trade> trades = new ArrayList<>();

    SimulatedVenue(TradingCore core, String accountId, FillSpec fills, ExitSpec exits) {
        this.core = Objects.requireNonNull(core, "core");
        this.accountId = accountId;
        this.fills = fills;
        this.exits = exits;
        this.buyFactor = BigDecimal.ONE.add(BigDecimal.valueOf(fills.slippageRate()));
        this.sellFactor = BigDecimal.ONE.subtract(BigDecimal.valueOf(fills.slippageRate()));
        this.feeRate = BigDecimal.valueOf(fills.feeRate());
    }

    /** Takes the orders a decision approved at {@code at} and acknowledges each to the engine. */
    void accept(List<Resting> orders, Instant at) {
        for (Resting order : orders) {
            core.submit(new AccountEvent.OrderReported(accountId, at, order.orderId(), OrderStatus.ACKNOWLEDGED, null), null);
            resting.add(order);
        }
    }

    /** The step an order approved at {@code step} first fills at. */
    int dueStep(int step) {
        return step + 1 + fills.latencyBars();
    }

    /** Fills, or cancels, the orders due in {@code bar}'s instrument at its open. */
    void open(Bar bar, int step) {
        for (Iterator<Resting> it = resting.iterator(); it.hasNext(); ) {
            Resting order = it.next();
            if (!order.symbol().equals(bar.symbol()) || order.dueStep() > step) {
                continue;
            }
            it.remove();
            Instant at = bar.openTime();
            if (order.side() == Side.BUY && order.limit() != null && bar.open().compareTo(order.limit()) > 0) {
                core.submit(new AccountEvent.OrderReported(accountId, at, order.orderId(), OrderStatus.CANCELLED,
                        "the market opened at " + bar.open().toPlainString() + ", above the limit "
                                + order.limit().toPlainString()), null);
                continue;
            }
            BigDecimal quantity = order.quantity();
            if (order.side() == Side.SELL) {
                // a spot account, long only: a sell fills the quantity held at most
                BigDecimal held = core.account(accountId).position(order.symbol()).map(PositionState::quantity)
                        .filter(q -> q.signum() > 0).orElse(BigDecimal.ZERO);
                if (held.signum() == 0) {
                    core.submit(new AccountEvent.OrderReported(accountId, at, order.orderId(), OrderStatus.REJECTED,
                            "nothing to sell: the simulated account is spot and long only"), null);
                    continue;
                }
                quantity = quantity.min(held);
            }
            execute(at, step, order.orderId() + "/fill", order.orderId(), order.symbol(), order.side(), quantity,
                    price(bar.open(), order.side()), false, Execution.ENTRY, order.origin(), order.rulesStop());
            if (quantity.compareTo(order.quantity()) < 0) {
                core.submit(new AccountEvent.OrderReported(accountId, at, order.orderId(), OrderStatus.CANCELLED,
                        "the rest of a sell larger than the position"), null);
            }
        }
    }

    /** Closes {@code bar}'s instrument's position when it is old enough, or when the bar's low touched its stop. */
    void exits(Bar bar, int step) {
        Opened since = opened.get(bar.symbol());
        PositionState position = core.account(accountId).position(bar.symbol()).orElse(null);
        if (since == null || position == null || position.quantity().signum() <= 0) {
            return;
        }
        Instant at = bar.openTime();
        String fillId = bar.symbol() + "/exit/" + at;
        if (step - since.step >= exits.maxHoldingBars()) {
            execute(at, step, fillId, null, bar.symbol(), Side.SELL, position.quantity(), price(bar.open(), Side.SELL),
                    false, Execution.TIME, null, null);
            return;
        }
        BigDecimal stop = position.stopPrice() != null ? position.stopPrice() : since.rulesStop;
        if (exits.useStops() && stop != null && bar.low().compareTo(stop) <= 0) {
            execute(at, step, fillId, null, bar.symbol(), Side.SELL, position.quantity(),
                    price(bar.open().min(stop), Side.SELL), true, Execution.STOP, null, null);
        }
    }

    /** At the end of a run: cancels what still rests and closes every position at its last mark. */
    void closeOut(int step) {
        AccountState state = core.account(accountId);
        Instant at = state.lastEventAt();
        for (Resting order : resting) {
            core.submit(new AccountEvent.OrderReported(accountId, at, order.orderId(), OrderStatus.CANCELLED,
                    "the run ended"), null);
        }
        resting.clear();
        for (PositionState position : state.positions()) {
            if (position.quantity().signum() > 0) {
                execute(at, step, position.symbol() + "/end", null, position.symbol(), Side.SELL, position.quantity(),
                        price(state.valuationPrice(position), Side.SELL), false, Execution.END, null, null);
            }
        }
    }

    /** Why the venue made the fill {@code fillId}. */
    Execution execution(String fillId) {
        return executions.get(fillId);
    }

    /** Every position the venue saw go flat, with the engine's P&amp;L of it. */
    List<Trade> trades() {
        return List.copyOf(trades);
    }

    private BigDecimal price(BigDecimal raw, Side side) {
        return raw.multiply(side == Side.BUY ? buyFactor : sellFactor);
    }

    private void execute(Instant at, int step, String fillId, String orderId, String symbol, Side side,
                         BigDecimal quantity, BigDecimal price, boolean stopLoss, Execution why, String origin,
                         BigDecimal rulesStop) {
        BigDecimal fee = quantity.multiply(price).multiply(feeRate);
        PositionState before = core.account(accountId).position(symbol).orElse(null);
        AccountState after = core.submit(new AccountEvent.Filled(accountId, at, fillId, orderId, symbol, side, quantity,
                price, fee, stopLoss, orderId == null), fillId).state();
        executions.put(fillId, why);
        PositionState now = after.position(symbol).orElse(null);
        Opened since = opened.get(symbol);
        if (before == null && now != null) {
            opened.put(symbol, new Opened(step, at, origin == null ? "?" : origin, fee, rulesStop));
        } else if (now != null && since != null) {
            since.fees = since.fees.add(fee);
            if (rulesStop != null) {
                since.rulesStop = rulesStop;
            }
        } else if (before != null && now == null && since != null) {
            opened.remove(symbol);
            List<ClosedTrade> closed = after.closedTrades();
            ClosedTrade trade = closed.get(closed.size() - 1);
            trades.add(new Trade(symbol, since.origin, since.at, at, before.quantity().doubleValue(),
                    before.averagePrice().doubleValue(), price.doubleValue(), since.fees.add(fee).doubleValue(),
                    trade.pnl().doubleValue(), why.label()));
        }
    }
}
