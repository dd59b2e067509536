package dev.arbiter.scenarios.run;

import dev.arbiter.engine.state.AccountEvent;
import dev.arbiter.engine.state.TradingCore;
import dev.arbiter.kb.fact.Bar;
import dev.arbiter.kb.fact.MarkPrice;
import dev.arbiter.kb.fact.Side;
import dev.arbiter.kb.margin.BookRisk;
import dev.arbiter.kb.margin.Funding;
import dev.arbiter.kb.margin.PositionRisk;
import dev.arbiter.kb.state.AccountState;
import dev.arbiter.kb.state.ClosedTrade;
import dev.arbiter.kb.state.OrderStatus;
import dev.arbiter.kb.state.PositionState;
import dev.arbiter.scenarios.margin.Contracts;
import dev.arbiter.scenarios.margin.FundingPayment;
import dev.arbiter.scenarios.margin.FundingRates;
import dev.arbiter.scenarios.margin.Liquidation;
import dev.arbiter.scenarios.margin.MarginActivity;
import dev.arbiter.scenarios.margin.MarginBook;
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
 *
 * <p>A perpetual ({@link Contracts}) is traded on margin, long or short: a sell while flat opens a short, every fill
 * pays the taker fee, and the venue, measuring the account with the kb's margin model ({@link MarginBook}):
 * liquidates a position whose liquidation price the bar's adverse extreme (a long's low, a short's high) crossed,
 * at that price, the position's remaining maintenance margin lost as the liquidation's fee, unless its stop
 * executes first on the way there; and at each funding time in a bar pays or collects
 * {@link Funding#payment} at the bar's close ({@code FUNDED} events).
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
        END,
        /** a perpetual position whose liquidation price the market crossed */
        LIQUIDATION;

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
    private final BigDecimal perpetualFeeRate;
    private final Contracts contracts;
    private final Map<String, FundingRates> funding;
    private final MarginActivity.Recorder margin = new MarginActivity.Recorder();
    private final List<Resting> resting = new ArrayList<>();
    private final Map<String, Opened> opened = new HashMap<>();
    private final Map<String, Execution> executions = new HashMap<>();
    private final List<Trade> trades = new ArrayList<>();

    /** A venue listing spot instruments only. */
    SimulatedVenue(TradingCore core, String accountId, FillSpec fills, ExitSpec exits) {
        this(core, accountId, fills, exits, null, Map.of());
    }

    /**
     * @param contracts what each instrument is (spot or perpetual), or null when every one is spot
     * @param funding   each perpetual's funding rates, by symbol
     */
    SimulatedVenue(TradingCore core, String accountId, FillSpec fills, ExitSpec exits, Contracts contracts,
                   Map<String, FundingRates> funding) {
        this.core = Objects.requireNonNull(core, "core");
        this.contracts = contracts;
        this.funding = Map.copyOf(funding);
        this.perpetualFeeRate = BigDecimal.valueOf(fills.takerFeeRate());
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
            if (order.side() == Side.SELL && !perpetual(order.symbol())) {
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

    /**
     * Closes {@code bar}'s instrument's position when it is old enough, when the bar's range touched its stop, or,
     * for a perpetual, when it crossed the liquidation price before the stop.
     */
    void exits(Bar bar, int step) {
        Opened since = opened.get(bar.symbol());
        PositionState position = core.account(accountId).position(bar.symbol()).orElse(null);
        boolean perpetual = perpetual(bar.symbol());
        if (since == null || position == null || position.flat() || (!perpetual && position.quantity().signum() < 0)) {
            return;
        }
        boolean isLong = position.quantity().signum() > 0;
        Side closing = isLong ? Side.SELL : Side.BUY;
        BigDecimal quantity = position.quantity().abs();
        Instant at = bar.openTime();
        String fillId = bar.symbol() + "/exit/" + at;
        if (step - since.step >= exits.maxHoldingBars()) {
            execute(at, step, fillId, null, bar.symbol(), closing, quantity, price(bar.open(), closing),
                    false, Execution.TIME, null, null);
            return;
        }
        BigDecimal stop = position.stopPrice() != null ? position.stopPrice() : since.rulesStop;
        boolean stopped = exits.useStops() && stop != null
                && (isLong ? bar.low().compareTo(stop) <= 0 : bar.high().compareTo(stop) >= 0);
        // a stop the market gapped through executes at the open
        BigDecimal stopPrice = stop == null ? null : isLong ? bar.open().min(stop) : bar.open().max(stop);
        if (perpetual) {
            BigDecimal adverse = isLong ? bar.low() : bar.high();
            PositionRisk risk = measure(Map.of(bar.symbol(), adverse)).positions().get(bar.symbol());
            BigDecimal liquidation = risk.liquidationPrice();
            margin.distance(bar.symbol(), at, risk.liquidationDistance());
            boolean crossed = liquidation != null
                    && (isLong ? adverse.compareTo(liquidation) <= 0 : adverse.compareTo(liquidation) >= 0);
            // on the way from the open to the extreme, the price nearer the open is reached first
            boolean stopFirst = stopped && liquidation != null
                    && (isLong ? stopPrice.compareTo(liquidation) > 0 : stopPrice.compareTo(liquidation) < 0);
            if (crossed && !stopFirst) {
                liquidate(bar, step, position, liquidation, adverse);
                return;
            }
        }
        if (stopped) {
            execute(at, step, fillId, null, bar.symbol(), closing, quantity, price(stopPrice, closing), true,
                    Execution.STOP, null, null);
        }
    }

    /**
     * Closes a perpetual position at its liquidation price. The holder loses the margin down to that price (the
     * loss realised by the close) and the maintenance margin the position still had there, which the venue keeps
     * (booked as the fill's fee); a loss beyond that, had the market gapped through, would be the venue's.
     */
    private void liquidate(Bar bar, int step, PositionState position, BigDecimal liquidation, BigDecimal adverse) {
        BigDecimal lost = measure(Map.of(bar.symbol(), liquidation)).positions().get(bar.symbol()).maintenanceMargin();
        Side closing = position.quantity().signum() > 0 ? Side.SELL : Side.BUY;
        String fillId = bar.symbol() + "/liquidation/" + bar.openTime();
        execute(bar.openTime(), step, fillId, null, bar.symbol(), closing, position.quantity().abs(), liquidation,
                lost, false, Execution.LIQUIDATION, null, null);
        margin.liquidated(new Liquidation(bar.symbol(), bar.openTime(), position.quantity(), position.averagePrice(),
                liquidation, adverse, lost));
    }

    /**
     * After the engine took {@code bar}: pays or collects a perpetual position's funding at each funding time the bar
     * ends at or spans, on the notional at the bar's close, and notes how far the position is from liquidation.
     */
    void settle(Bar bar) {
        if (!perpetual(bar.symbol())) {
            return;
        }
        FundingRates rates = funding.get(bar.symbol());
        publishMark(bar, rates);
        PositionState position = core.account(accountId).position(bar.symbol()).orElse(null);
        if (position == null || position.flat()) {
            return;
        }
        if (rates != null) {
            for (Map.Entry<Instant, BigDecimal> due : rates.between(bar.openTime(), bar.endTime()).entrySet()) {
                BigDecimal amount = Funding.payment(contracts.terms(bar.symbol()), position.quantity(), bar.close(),
                        due.getValue());
                margin.funded(new FundingPayment(bar.symbol(), due.getKey(), position.quantity(), bar.close(),
                        due.getValue(), amount));
                if (amount.signum() != 0) {
                    String id = bar.symbol() + "/funding/" + due.getKey();
                    core.submit(new AccountEvent.Funded(accountId, due.getKey(), id, bar.symbol(), amount), id);
                }
            }
        }
        margin.distance(bar.symbol(), bar.openTime(),
                measure(Map.of()).positions().get(bar.symbol()).liquidationDistance());
    }

    /**
     * The venue's mark at the bar's end, as a venue publishes it: the bar's close (the data has no separate mark) and
     * the funding rate last settled, the best estimate of the next one that does not look ahead. The engine's funding
     * rule reads it before the next decision.
     */
    private void publishMark(Bar bar, FundingRates rates) {
        Map.Entry<Instant, BigDecimal> settled = rates == null ? null : rates.timeToRate().floorEntry(bar.endTime());
        if (settled != null) {
            core.markPrice(new MarkPrice(bar.symbol(), bar.endTime(), bar.close(), settled.getValue(), null));
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
            if (!position.flat()) {
                Side closing = position.quantity().signum() > 0 ? Side.SELL : Side.BUY;
                execute(at, step, position.symbol() + "/end", null, position.symbol(), closing,
                        position.quantity().abs(), price(state.valuationPrice(position), closing), false, Execution.END,
                        null, null);
            }
        }
    }

    /** Why the venue made the fill {@code fillId}. */
    Execution execution(String fillId) {
        return executions.get(fillId);
    }

    /** The funding, liquidations and closest approach to liquidation of the run so far. */
    MarginActivity marginActivity() {
        return margin.activity();
    }

    /** Every position the venue saw go flat, with the engine's P&amp;L of it. */
    List<Trade> trades() {
        return List.copyOf(trades);
    }

    private BigDecimal price(BigDecimal raw, Side side) {
        return raw.multiply(side == Side.BUY ? buyFactor : sellFactor);
    }

    private boolean perpetual(String symbol) {
        return contracts != null && contracts.perpetual(symbol);
    }

    private BookRisk measure(Map<String, BigDecimal> marks) {
        return MarginBook.measure(core.account(accountId), contracts, marks);
    }

    /** A fill paying the fee of its instrument: spot {@code feeRate}, a perpetual the taker rate. */
    private void execute(Instant at, int step, String fillId, String orderId, String symbol, Side side,
                         BigDecimal quantity, BigDecimal price, boolean stopLoss, Execution why, String origin,
                         BigDecimal rulesStop) {
        BigDecimal rate = perpetual(symbol) ? perpetualFeeRate : feeRate;
        execute(at, step, fillId, orderId, symbol, side, quantity, price, quantity.multiply(price).multiply(rate),
                stopLoss, why, origin, rulesStop);
    }

    private void execute(Instant at, int step, String fillId, String orderId, String symbol, Side side,
                         BigDecimal quantity, BigDecimal price, BigDecimal fee, boolean stopLoss, Execution why,
                         String origin, BigDecimal rulesStop) {
        PositionState before = core.account(accountId).position(symbol).orElse(null);
        AccountState after = core.submit(new AccountEvent.Filled(accountId, at, fillId, orderId, symbol, side, quantity,
                price, fee, stopLoss, orderId == null), fillId).state();
        executions.put(fillId, why);
        PositionState now = after.position(symbol).orElse(null);
        Opened since = opened.get(symbol);
        boolean flipped = before != null && now != null && before.quantity().signum() != now.quantity().signum();
        if (before == null && now != null) {
            opened.put(symbol, new Opened(step, at, origin == null ? "?" : origin, fee, rulesStop));
        } else if (flipped && since != null) {
            // a perpetual sold (or bought) through flat: one position closed, the other side opened by the same fill
            List<ClosedTrade> closed = after.closedTrades();
            trades.add(new Trade(symbol, since.origin, since.at, at, before.quantity().doubleValue(),
                    before.averagePrice().doubleValue(), price.doubleValue(), since.fees.doubleValue(),
                    closed.get(closed.size() - 1).pnl().doubleValue(), why.label()));
            opened.put(symbol, new Opened(step, at, origin == null ? "?" : origin, BigDecimal.ZERO, rulesStop));
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
