package dev.arbiter.reasoning.proof;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.Params;
import com.microsoft.z3.RealExpr;
import com.microsoft.z3.RealSort;
import com.microsoft.z3.Solver;
import com.microsoft.z3.Status;
import dev.arbiter.kb.fact.Side;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Proves with Z3 that a set of orders respects every hard limit, or names the limits it breaks.
 *
 * <p>Each order's quantity and price become real constants fixed by tracked equalities (exact
 * rationals read from the decimal text, never doubles); each hard limit is a named tracked
 * constraint over those constants:
 * <ul>
 *   <li>{@code gross-exposure}: no order value, or current gross exposure + &Sigma; qty&middot;price &le; max gross
 *       exposure (both sides);</li>
 *   <li>{@code free-balance}: no buys, or &Sigma; qty&middot;price of the buys &times; margin rate &le; free balance
 *       &minus; reserved by open orders;</li>
 *   <li>{@code max-quantity:<proposalId>}: qty &le; the proposal's cap; a proposal without a cap is a
 *       violation under the same name (fail closed);</li>
 *   <li>{@code non-negative:<proposalId>}: qty &ge; 0.</li>
 * </ul>
 * With a {@link PortfolioState}, also every portfolio limit the allocator sizes within, read as its
 * constraint reads it (a limit the holdings already break may shrink but not grow):
 * <ul>
 *   <li>{@code net-exposure}: |existing net + &Sigma; signed value| &le; max(limit, |existing net|);</li>
 *   <li>{@code leverage}, or {@code stressed-leverage} instead when an order's instrument is in a stressed
 *       regime: no order value, or current gross + &Sigma; value &le; leverage &times; equity;</li>
 *   <li>{@code margin-utilisation} (when the account reports margin): used + &Sigma; buys &times; margin rate
 *       &le; max(limit &times; capacity, used);</li>
 *   <li>{@code instrument-share:<symbol>}, {@code cluster-share:<cluster>}, {@code sector-share:<sector>}:
 *       held gross + &Sigma; value of the orders in it &le; max(share &times; equity, held gross);</li>
 *   <li>{@code venue-exposure:<venue>}: held gross at the venue + &Sigma; value of the orders there &le;
 *       max(max-venue-exposure, held gross);</li>
 *   <li>{@code position-quantity:<symbol>}: |position + &Sigma; signed qty| &le; max(limit, |position|);</li>
 *   <li>{@code min-notional:<proposalId>}: qty &le; 0 or qty&middot;price &ge; the instrument's minimum.</li>
 * </ul>
 * The free balance is charged at the portfolio's margin rate (1 when unset) and, as in the allocator, only
 * when the orders buy something.
 * Satisfiable means proved. Unsatisfiable means violated: the violated limits are read from the
 * (minimised) unsat core, the limits found are dropped, and the check is repeated until the rest is
 * satisfiable, so that every broken limit is named, not only the first. A timeout gives UNKNOWN; a
 * timeout after a broken limit was found still gives VIOLATED, with the limits found so far.
 *
 * <p>One Z3 context is kept warm per prover. A Z3 context is not thread-safe, so {@link #prove} runs
 * one proof at a time; it is safe to call from many threads.
 */
public final class LimitProver implements AutoCloseable {

    private static final String LIMIT_TRACK = "limit:";
    private static final String FACT_TRACK = "fact:";

    private final ReentrantLock lock = new ReentrantLock();
    private final Context context;
    /** Reset before each proof; reused because making a solver costs more than a check. */
    private final Solver solver;
    private final Params params;
    private final Duration timeout;
    private boolean closed;

    /** @param timeout how long one solver check may run before the verdict is UNKNOWN; 1 ms to ~24 days */
    public LimitProver(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.toMillis() < 1 || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("timeout: " + timeout + " is not accepted; expected between 1 ms and "
                    + Duration.ofMillis(Integer.MAX_VALUE) + ", e.g. Duration.ofMillis(200)");
        }
        this.timeout = timeout;
        this.context = new Context();
        this.solver = context.mkSolver();
        this.params = context.mkParams();
        params.add("timeout", (int) timeout.toMillis());
        params.add("core.minimize", true);
    }

    /** A prover of its own, with the same timeout: one per worker, so that proofs run side by side. */
    public LimitProver another() {
        return new LimitProver(timeout);
    }

    /**
     * Proves that {@code orders} respect {@code limits}.
     *
     * @throws IllegalArgumentException if two orders share a proposal id (limits are named after it)
     * @throws IllegalStateException    if the prover was closed
     */
    public ProofResult prove(List<OrderToProve> orders, HardLimits limits) {
        Objects.requireNonNull(orders, "orders");
        Objects.requireNonNull(limits, "limits");
        orders.forEach(order -> Objects.requireNonNull(order, "orders must not contain null"));
        if (sendsNothing(orders, limits)) {
            // Nothing sent, nothing to prove: every limit is stated so that sending nothing passes it, even where
            // the holdings already break it (see Proof.state), which is what the solver concludes on any book
            // (NothingSentTest holds it to that). A decision with no order, most bars of a replay, skips the solver,
            // and so does one whose orders were all sized to nothing within their caps (the limits then named are
            // the same: the orders' own are stated, and hold at size 0).
            List<String> checked = new LimitFigures(orders, limits).names();
            lock.lock();
            try {
                requireOpen();
                return new ProofResult(ProofVerdict.PROVED, checked, List.of(), 0);
            } finally {
                lock.unlock();
            }
        }
        return solve(orders, limits);
    }

    /** Whether {@code orders} send nothing: none, or each of size 0 with a cap of at least 0 (its only limit at 0). */
    private static boolean sendsNothing(List<OrderToProve> orders, HardLimits limits) {
        for (OrderToProve order : orders) {
            BigDecimal cap = limits.maxQuantityByProposal().get(order.proposalId());
            if (order.quantity().signum() != 0 || cap == null || cap.signum() < 0) {
                return false;
            }
        }
        return true;
    }

    /** The proof by the solver, whatever the orders. */
    ProofResult solve(List<OrderToProve> orders, HardLimits limits) {
        LimitFigures figures = new LimitFigures(orders, limits);
        lock.lock();
        try {
            requireOpen();
            return new Proof(orders, limits, figures).run();
        } finally {
            lock.unlock();
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("LimitProver is closed; create a new one to prove more orders");
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (!closed) {
                closed = true;
                context.close();
            }
        } finally {
            lock.unlock();
        }
    }

    private record Check(Status status, Set<String> coreLimits) {
    }

    /** A fact of the orders and the constant that names it in an unsat core. */
    private record TrackedFact(BoolExpr fact, BoolExpr tracker) {
    }

    /** One proof: its solver, its constants and its tracked limits. Runs under the prover's lock. */
    private final class Proof {

        private final List<OrderToProve> orders;
        private final HardLimits limits;
        private final LimitFigures figures;
        /** Limit name to its constraint, in the order the limits are stated. */
        private final Map<String, BoolExpr> constraintByLimit = new LinkedHashMap<>();
        /** The order facts, each with its tracker: stated again whenever the solver starts over. */
        private final List<TrackedFact> orderFacts = new ArrayList<>();
        /** Whether the solver holds the order facts alone, as a check wants them. */
        private boolean clean = true;
        private long checkNanos;

        Proof(List<OrderToProve> orders, HardLimits limits, LimitFigures figures) {
            this.orders = orders;
            this.limits = limits;
            this.figures = figures;
            solver.reset();
            solver.setParameters(params);
        }

        ProofResult run() {
            state();
            List<String> remaining = new ArrayList<>(constraintByLimit.keySet());
            Set<String> violated = new LinkedHashSet<>();
            ProofVerdict verdict = ProofVerdict.PROVED;
            while (!remaining.isEmpty()) {
                Check check = check(remaining);
                if (check.status() == Status.SATISFIABLE) {
                    break;
                }
                Set<String> broken = confirmed(check.coreLimits());
                if (broken.isEmpty()) {
                    // A timeout (or a core naming no limit): nothing more can be concluded.
                    verdict = violated.isEmpty() ? ProofVerdict.UNKNOWN : ProofVerdict.VIOLATED;
                    break;
                }
                verdict = ProofVerdict.VIOLATED;
                violated.addAll(broken);
                remaining.removeAll(broken);
            }
            List<LimitViolation> violations = violated.stream()
                    .map(limit -> new LimitViolation(limit, figures.violationDetail(limit)))
                    .toList();
            return new ProofResult(verdict, figures.names(), violations, checkNanos / 1_000);
        }

        /** States every order's quantity and price, and builds every limit; {@link #check} asserts them. */
        private void state() {
            List<RealExpr> quantities = new ArrayList<>(orders.size());
            List<ArithExpr<RealSort>> notionals = new ArrayList<>(orders.size());
            for (int i = 0; i < orders.size(); i++) {
                OrderToProve order = orders.get(i);
                RealExpr quantity = context.mkRealConst("quantity#" + i);
                RealExpr price = context.mkRealConst("price#" + i);
                orderFacts.add(new TrackedFact(context.mkEq(quantity, real(order.quantity())),
                        context.mkBoolConst(FACT_TRACK + "quantity:" + order.proposalId())));
                orderFacts.add(new TrackedFact(context.mkEq(price, real(order.price())),
                        context.mkBoolConst(FACT_TRACK + "price:" + order.proposalId())));
                quantities.add(quantity);
                // the price is a fixed fact: multiplying by its value keeps every limit linear (a product of two
                // unknowns would send Z3 to its slower non-linear solver)
                notionals.add(context.mkMul(quantity, real(order.price())));
            }
            List<Integer> all = new ArrayList<>();
            List<Integer> buyIndexes = new ArrayList<>();
            for (int i = 0; i < orders.size(); i++) {
                all.add(i);
                if (orders.get(i).side() == Side.BUY) {
                    buyIndexes.add(i);
                }
            }
            ArithExpr<RealSort> ordersNotional = sum(notionals, all);
            ArithExpr<RealSort> buys = sum(notionals, buyIndexes);
            List<ArithExpr<RealSort>> balances = new ArrayList<>(orders.size());
            for (int i = 0; i < orders.size(); i++) {
                balances.add(context.mkMul(notionals.get(i), real(figures.balanceShare(orders.get(i)))));
            }
            ArithExpr<RealSort> needed = sum(balances, all);
            ArithExpr<RealSort> exposure = context.mkAdd(real(limits.currentGrossExposure()), ordersNotional);
            ArithExpr<RealSort> rate = real(figures.marginRate());
            // No order value, nothing to prove: holdings that already exceed a limit must not block a decision that
            // sends nothing (it is then REJECTED by the rules, not BLOCKED by the proof). Any order adds gross.
            BoolExpr nothingSent = context.mkEq(ordersNotional, real(BigDecimal.ZERO));
            constraintByLimit.put(LimitFigures.GROSS_EXPOSURE, context.mkOr(nothingSent,
                    context.mkLe(exposure, real(limits.maxGrossExposure()))));
            // As the allocator: only orders that take balance draw on it (spot buys at the margin rate, perpetual
            // orders value / leverage), so spot sales out of an overdrawn account pass.
            constraintByLimit.put(LimitFigures.FREE_BALANCE, context.mkOr(context.mkEq(needed, real(BigDecimal.ZERO)),
                    context.mkLe(needed, real(limits.availableForBuys()))));
            PortfolioState portfolio = limits.portfolio();
            if (portfolio != null) {
                statePortfolio(portfolio, quantities, notionals, exposure, buys, rate, nothingSent);
            }
            for (int i = 0; i < orders.size(); i++) {
                OrderToProve order = orders.get(i);
                RealExpr quantity = quantities.get(i);
                BigDecimal cap = limits.maxQuantityByProposal().get(order.proposalId());
                constraintByLimit.put(LimitFigures.MAX_QUANTITY + order.proposalId(),
                        cap == null ? context.mkFalse() : context.mkLe(quantity, real(cap)));
                constraintByLimit.put(LimitFigures.NON_NEGATIVE + order.proposalId(),
                        context.mkGe(quantity, real(BigDecimal.ZERO)));
                if (portfolio != null) {
                    // A traded order is worth at least the venue's minimum; size 0 is always allowed.
                    constraintByLimit.put(LimitFigures.MIN_NOTIONAL + order.proposalId(),
                            context.mkOr(context.mkLe(quantity, real(BigDecimal.ZERO)),
                                    context.mkGe(notionals.get(i), real(figures.minNotional(order)))));
                }
            }
        }

        /**
         * The portfolio limits, each as the allocator's constraint reads it; where the holdings already
         * break a limit, the bound is what they already hold (shrink, never grow); leverage, like gross
         * exposure, only holds back orders that add value, so a decision sending nothing always passes it.
         */
        private void statePortfolio(PortfolioState portfolio, List<RealExpr> quantities,
                                    List<ArithExpr<RealSort>> notionals, ArithExpr<RealSort> exposure,
                                    ArithExpr<RealSort> buys, ArithExpr<RealSort> rate, BoolExpr nothingSent) {
            PortfolioCaps caps = portfolio.caps();
            ArithExpr<RealSort> equity = real(portfolio.equity());
            if (caps.maxNetExposure() != null) {
                List<ArithExpr<RealSort>> signed = new ArrayList<>();
                for (int i = 0; i < orders.size(); i++) {
                    signed.add(orders.get(i).side() == Side.BUY ? notionals.get(i)
                            : context.mkUnaryMinus(notionals.get(i)));
                }
                ArithExpr<RealSort> before = real(figures.netBefore());
                ArithExpr<RealSort> after = context.mkAdd(before, sum(signed, indexes(orders.size())));
                constraintByLimit.put(LimitFigures.NET_EXPOSURE,
                        context.mkLe(abs(after), max(real(caps.maxNetExposure()), abs(before))));
            }
            String leverage = figures.leverageLimit();
            if (leverage != null) {
                constraintByLimit.put(leverage, context.mkOr(nothingSent,
                        context.mkLe(exposure, context.mkMul(real(figures.leverage()), equity))));
            }
            if (figures.checksMarginUtilisation()) {
                ArithExpr<RealSort> used = real(portfolio.marginUsed());
                ArithExpr<RealSort> maxUsed = context.mkMul(real(caps.maxMarginUtilisation()),
                        real(portfolio.marginCapacity()));
                constraintByLimit.put(LimitFigures.MARGIN_UTILISATION,
                        context.mkLe(context.mkAdd(used, context.mkMul(buys, rate)), max(maxUsed, used)));
            }
            if (caps.maxInstrumentShare() != null) {
                figures.symbolToIndexes().forEach((symbol, indexes) -> constraintByLimit.put(
                        LimitFigures.INSTRUMENT_SHARE + symbol, withinShare(figures.symbolGrossBefore(symbol),
                                sum(notionals, indexes), caps.maxInstrumentShare(), equity)));
            }
            figures.clusterToIndexes().forEach((cluster, indexes) -> {
                BigDecimal share = caps.maxClusterShare().get(cluster);
                if (share != null) {
                    constraintByLimit.put(LimitFigures.CLUSTER_SHARE + cluster, withinShare(
                            figures.clusterGrossBefore(cluster), sum(notionals, indexes), share, equity));
                }
            });
            figures.sectorToIndexes().forEach((sector, indexes) -> {
                BigDecimal share = caps.maxSectorShare().get(sector);
                if (share != null) {
                    constraintByLimit.put(LimitFigures.SECTOR_SHARE + sector, withinShare(
                            figures.sectorGrossBefore(sector), sum(notionals, indexes), share, equity));
                }
            });
            if (caps.maxVenueExposure() != null) {
                figures.venueToIndexes().forEach((venue, indexes) -> constraintByLimit.put(
                        LimitFigures.VENUE_EXPOSURE + venue, withinCap(figures.venueGrossBefore(venue),
                                sum(notionals, indexes), real(caps.maxVenueExposure()))));
            }
            if (caps.maxPositionQuantity() != null) {
                figures.symbolToIndexes().forEach((symbol, indexes) -> {
                    BigDecimal held = figures.positionBefore(symbol);
                    if (held == null) {
                        constraintByLimit.put(LimitFigures.POSITION_QUANTITY + symbol, context.mkFalse());
                        return;
                    }
                    List<ArithExpr<RealSort>> signed = new ArrayList<>();
                    for (int i : indexes) {
                        signed.add(orders.get(i).side() == Side.BUY ? quantities.get(i)
                                : context.mkUnaryMinus(quantities.get(i)));
                    }
                    ArithExpr<RealSort> before = real(held);
                    ArithExpr<RealSort> after = context.mkAdd(before, sum(signed, indexes(signed.size())));
                    constraintByLimit.put(LimitFigures.POSITION_QUANTITY + symbol,
                            context.mkLe(abs(after), max(real(caps.maxPositionQuantity()), abs(before))));
                });
            }
        }

        /** before + orders &le; max(share &times; equity, before): an existing breach may shrink, not grow. */
        private BoolExpr withinShare(BigDecimal before, ArithExpr<RealSort> orders, BigDecimal share,
                                     ArithExpr<RealSort> equity) {
            return withinCap(before, orders, context.mkMul(real(share), equity));
        }

        /** before + orders &le; max(cap, before): an existing breach may shrink, not grow. */
        private BoolExpr withinCap(BigDecimal before, ArithExpr<RealSort> orders, ArithExpr<RealSort> cap) {
            ArithExpr<RealSort> held = real(before);
            return context.mkLe(context.mkAdd(held, orders), max(cap, held));
        }

        private ArithExpr<RealSort> sum(List<? extends ArithExpr<RealSort>> terms, List<Integer> indexes) {
            ArithExpr<RealSort> total = real(BigDecimal.ZERO);
            for (int i : indexes) {
                total = context.mkAdd(total, terms.get(i));
            }
            return total;
        }

        private static List<Integer> indexes(int size) {
            return java.util.stream.IntStream.range(0, size).boxed().toList();
        }

        @SuppressWarnings("unchecked")
        private ArithExpr<RealSort> abs(ArithExpr<RealSort> value) {
            return (ArithExpr<RealSort>) context.mkITE(context.mkGe(value, real(BigDecimal.ZERO)), value,
                    context.mkUnaryMinus(value));
        }

        @SuppressWarnings("unchecked")
        private ArithExpr<RealSort> max(ArithExpr<RealSort> left, ArithExpr<RealSort> right) {
            return (ArithExpr<RealSort>) context.mkITE(context.mkGe(left, right), left, right);
        }

        /**
         * Checks the order facts together with the named limits only, each tracked under its name, and
         * reads the limits in the unsat core (the order facts only say what the orders are, so they are
         * left out).
         */
        private Check check(List<String> names) {
            // A proof that holds, the usual case, takes one check: the limits go straight onto the solver. Only
            // after a violation does a check start over (a reset costs less than the push and pop of every proof).
            if (!clean) {
                solver.reset();
                solver.setParameters(params);
            }
            orderFacts.forEach(fact -> solver.assertAndTrack(fact.fact(), fact.tracker()));
            clean = false;
            for (String name : names) {
                solver.assertAndTrack(constraintByLimit.get(name), context.mkBoolConst(LIMIT_TRACK + name));
            }
            long start = System.nanoTime();
            Status status = solver.check();
            checkNanos += System.nanoTime() - start;
            Set<String> coreLimits = new LinkedHashSet<>();
            if (status == Status.UNSATISFIABLE) {
                for (BoolExpr tracked : solver.getUnsatCore()) {
                    String name = tracked.getFuncDecl().getName().toString();
                    if (name.startsWith(LIMIT_TRACK)) {
                        coreLimits.add(name.substring(LIMIT_TRACK.length()));
                    }
                }
            }
            return new Check(status, coreLimits);
        }

        /**
         * With the order facts fixed, each limit on its own is simply true or false, so a minimised core
         * holds exactly one broken limit. Should a core hold more, each is confirmed on its own before it
         * is reported, so that a limit that holds is never named.
         */
        private Set<String> confirmed(Set<String> coreLimits) {
            if (coreLimits.size() <= 1) {
                return coreLimits;
            }
            Set<String> broken = new LinkedHashSet<>(coreLimits);
            broken.removeIf(limit -> check(List.of(limit)).status() != Status.UNSATISFIABLE);
            return broken;
        }

        private ArithExpr<RealSort> real(BigDecimal value) {
            return context.mkReal(value.toPlainString());
        }
    }
}
