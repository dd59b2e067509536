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
 *   <li>{@code gross-exposure}: current gross exposure + &Sigma; qty&middot;price &le; max gross exposure (both sides);</li>
 *   <li>{@code free-balance}: &Sigma; qty&middot;price of the buys &le; free balance &minus; reserved by open orders;</li>
 *   <li>{@code max-quantity:<proposalId>}: qty &le; the proposal's cap; a proposal without a cap is a
 *       violation under the same name (fail closed);</li>
 *   <li>{@code non-negative:<proposalId>}: qty &ge; 0.</li>
 * </ul>
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
    private boolean closed;

    /** @param timeout how long one solver check may run before the verdict is UNKNOWN; 1 ms to ~24 days */
    public LimitProver(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.toMillis() < 1 || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("timeout: " + timeout + " is not accepted; expected between 1 ms and "
                    + Duration.ofMillis(Integer.MAX_VALUE) + ", e.g. Duration.ofMillis(200)");
        }
        this.context = new Context();
        this.solver = context.mkSolver();
        this.params = context.mkParams();
        params.add("timeout", (int) timeout.toMillis());
        params.add("core.minimize", true);
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
        LimitFigures figures = new LimitFigures(orders, limits);
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("LimitProver is closed; create a new one to prove more orders");
            }
            return new Proof(orders, limits, figures).run();
        } finally {
            lock.unlock();
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

    /** One proof: its solver, its constants and its tracked limits. Runs under the prover's lock. */
    private final class Proof {

        private final List<OrderToProve> orders;
        private final HardLimits limits;
        private final LimitFigures figures;
        /** Limit name to its constraint, in the order the limits are stated. */
        private final Map<String, BoolExpr> constraintByLimit = new LinkedHashMap<>();
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

        /** Fixes every order's quantity and price, and builds (but does not yet assert) every limit. */
        private void state() {
            ArithExpr<RealSort> exposure = real(limits.currentGrossExposure());
            ArithExpr<RealSort> buys = real(BigDecimal.ZERO);
            Map<String, RealExpr> quantityByProposal = new LinkedHashMap<>();
            for (int i = 0; i < orders.size(); i++) {
                OrderToProve order = orders.get(i);
                RealExpr quantity = context.mkRealConst("quantity#" + i);
                RealExpr price = context.mkRealConst("price#" + i);
                solver.assertAndTrack(context.mkEq(quantity, real(order.quantity())),
                        context.mkBoolConst(FACT_TRACK + "quantity:" + order.proposalId()));
                solver.assertAndTrack(context.mkEq(price, real(order.price())),
                        context.mkBoolConst(FACT_TRACK + "price:" + order.proposalId()));
                ArithExpr<RealSort> notional = context.mkMul(quantity, price);
                exposure = context.mkAdd(exposure, notional);
                if (order.side() == Side.BUY) {
                    buys = context.mkAdd(buys, notional);
                }
                quantityByProposal.put(order.proposalId(), quantity);
            }
            constraintByLimit.put(LimitFigures.GROSS_EXPOSURE, context.mkLe(exposure, real(limits.maxGrossExposure())));
            constraintByLimit.put(LimitFigures.FREE_BALANCE, context.mkLe(buys, real(limits.availableForBuys())));
            quantityByProposal.forEach((proposalId, quantity) -> {
                BigDecimal cap = limits.maxQuantityByProposal().get(proposalId);
                constraintByLimit.put(LimitFigures.MAX_QUANTITY + proposalId,
                        cap == null ? context.mkFalse() : context.mkLe(quantity, real(cap)));
                constraintByLimit.put(LimitFigures.NON_NEGATIVE + proposalId, context.mkGe(quantity, real(BigDecimal.ZERO)));
            });
        }

        /**
         * Checks the order facts together with the named limits only, each tracked under its name, and
         * reads the limits in the unsat core (the order facts only say what the orders are, so they are
         * left out).
         */
        private Check check(List<String> names) {
            solver.push();
            try {
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
            } finally {
                solver.pop();
            }
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
