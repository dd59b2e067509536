package dev.arbiter.solver;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import dev.arbiter.solver.constraints.AllocationScorer;
import dev.arbiter.solver.model.AllocationPlan;
import dev.arbiter.solver.model.LotAllocation;
import dev.arbiter.solver.model.MarginUtilisationLimit;
import dev.arbiter.solver.model.ObjectiveCurve;
import dev.arbiter.solver.model.PortfolioTerms;
import dev.arbiter.solver.model.PositionQuantityLimit;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.IntPredicate;

/**
 * Sizes small problems exactly, without a search, scoring with {@link AllocationScorer} (equal to the
 * constraint streams). Three paths, each exact; anything else is left to Timefold:
 *
 * <ul>
 *   <li><b>{@link Path#ONE_ORDER}</b>, one order to size. Every hard term is convex in its lots k and
 *       within its limit at k = 0 (the limits that an existing breach makes infeasible, gross and
 *       leverage, grow with k), so the feasible traded sizes are an interval [minLots, u]: u is found by
 *       bisection, in log₂(maxLots) scorings. The soft score is the {@link ObjectiveCurve}, a concave
 *       parabola, with each of its four terms rounded on its own (at most two units in all) plus a
 *       floating-point error bounded relative to the numbers involved: only a size whose unrounded value
 *       lies within that slack of the best size scored so far can beat it, and those form an interval
 *       around the parabola's vertex. Every size in it is scored, with 0, minLots and u. Taken unless that
 *       interval holds more than {@value #MAX_WINDOW} sizes (a nearly flat objective over a huge range).</li>
 *   <li><b>{@link Path#BRANCH_AND_BOUND}</b>, two to {@value #MAX_BOUNDED_ORDERS} orders: every plan is
 *       scored unless a bound shows it cannot beat the best feasible plan found (see
 *       {@code BranchAndBound}). Taken unless it runs out of work ({@value #MAX_BOUND_WORK} bounds and
 *       scorings).</li>
 *   <li><b>{@link Path#ENUMERATION}</b>, more orders (or branch and bound out of work) with at most
 *       {@value #MAX_COMBINATIONS} combinations of allowed sizes (0 or minLots..maxLots each): every
 *       combination is scored.</li>
 * </ul>
 *
 * Deterministic: of equal scores the first found wins (sizes in ascending order, or for branch and bound
 * in the order of their bounds, then ascending). A
 * problem no size makes feasible gets the least infeasible size the path finds; the allocator then sizes
 * every order 0 as it does after a search. {@code ExactSizingIT} checks every path against Timefold and
 * against exhaustive search.
 */
final class ExactSizer {

    /** How a problem was sized exactly. */
    enum Path { ONE_ORDER, ENUMERATION, BRANCH_AND_BOUND }

    /** The most combinations of allowed sizes the enumeration scores (a few µs each). */
    static final long MAX_COMBINATIONS = 2_048;
    /** The most sizes the one-order path scores around the parabola's vertex. */
    static final long MAX_WINDOW = 4_096;
    /** The most orders branch and bound sizes. */
    static final int MAX_BOUNDED_ORDERS = 4;
    /** The most bounds and scorings branch and bound spends before leaving the problem to the search. */
    static final long MAX_BOUND_WORK = 200_000;

    /** Half a soft unit per rounded soft term: return, costs, turnover and risk. */
    private static final double ROUNDING_UNITS = 4 * 0.5;
    /** Floating-point error allowed relative to the magnitudes behind the curve, far above double's. */
    private static final double FLOATING_POINT_RELATIVE = 1e-12;
    private static final double SOFT_UNITS_PER_MONEY = 10_000.0;

    private ExactSizer() {
    }

    /**
     * Sets every order's lots to an optimal size when the plan is within reach of a path; otherwise
     * leaves every order unassigned, for the search, and returns empty.
     *
     * @param plan the orders to size (every one sizable) and the limits they share
     */
    static Optional<Path> size(AllocationPlan plan) {
        List<LotAllocation> orders = plan.getAllocations();
        Optional<Path> path = Optional.empty();
        if (orders.size() == 1) {
            path = sizeOne(plan, orders.get(0)) ? Optional.of(Path.ONE_ORDER) : Optional.empty();
        } else if (orders.size() > 1 && orders.size() <= MAX_BOUNDED_ORDERS && new BranchAndBound(plan).solve()) {
            // first: it scores far fewer plans than the enumeration does
            path = Optional.of(Path.BRANCH_AND_BOUND);
        } else if (!orders.isEmpty() && combinations(orders) <= MAX_COMBINATIONS) {
            enumerate(plan, orders);
            path = Optional.of(Path.ENUMERATION);
        }
        if (path.isEmpty()) {
            orders.forEach(order -> order.setLots(null));
        }
        return path;
    }

    /** Allowed sizes per order multiplied, stopping once above the enumeration's budget. */
    static long combinations(List<LotAllocation> orders) {
        long combinations = 1;
        for (LotAllocation order : orders) {
            combinations *= allowedSizes(order);
            if (combinations > MAX_COMBINATIONS) {
                return combinations;
            }
        }
        return combinations;
    }

    private static long allowedSizes(LotAllocation order) {
        return order.getLotRange().getSize();
    }

    private static void enumerate(AllocationPlan plan, List<LotAllocation> orders) {
        int n = orders.size();
        long[] index = new long[n];
        orders.forEach(order -> order.setLots(0));
        HardSoftLongScore best = AllocationScorer.score(plan);
        int[] bestLots = new int[n];
        while (true) {
            int i = 0;
            while (i < n && index[i] == allowedSizes(orders.get(i)) - 1) {
                index[i] = 0;
                orders.get(i).setLots(0);
                i++;
            }
            if (i == n) {
                break;
            }
            index[i]++;
            orders.get(i).setLots(orders.get(i).getLotRange().get(index[i]));
            HardSoftLongScore score = AllocationScorer.score(plan);
            if (score.compareTo(best) > 0) {
                best = score;
                for (int j = 0; j < n; j++) {
                    bestLots[j] = orders.get(j).getLots();
                }
            }
        }
        for (int j = 0; j < n; j++) {
            orders.get(j).setLots(bestLots[j]);
        }
    }

    private static boolean sizeOne(AllocationPlan plan, LotAllocation order) {
        int minLots = order.getMinLots();
        if (!feasibleAt(plan, order, minLots)) {
            // no traded size is feasible (feasibility only narrows as k grows): not trading is the best
            // there is, feasible or not
            order.setLots(0);
            return true;
        }
        int largest = largestFeasible(plan, order, minLots, order.getMaxLots());
        ObjectiveCurve curve = order.objectiveCurve();
        order.setLots(largest);
        double slack = ROUNDING_UNITS + SOFT_UNITS_PER_MONEY * FLOATING_POINT_RELATIVE
                * (order.notional().doubleValue() + Math.abs(order.ownRisk()) + curve.scalePerLot() * largest
                + curve.quadraticPerLot() * largest * (double) largest);

        TreeSet<Integer> sizes = new TreeSet<>(List.of(0, minLots, largest));
        if (curve.quadraticPerLot() > 0) {
            double vertex = curve.linearPerLot() / (2 * curve.quadraticPerLot());
            sizes.add(clamp(Math.floor(vertex), minLots, largest));
            sizes.add(clamp(Math.ceil(vertex), minLots, largest));
        }
        long bestSoft = Long.MIN_VALUE;
        for (int lots : sizes) {
            order.setLots(lots);
            bestSoft = Math.max(bestSoft, AllocationScorer.score(plan).softScore());
        }
        // a size can reach bestSoft only if its unrounded value is within the slack of it
        double threshold = (bestSoft - slack) / SOFT_UNITS_PER_MONEY;
        long[] window = window(curve, threshold, minLots, largest);
        if (window[1] - window[0] + 1 > MAX_WINDOW) {
            return false;
        }
        for (long lots = window[0]; lots <= window[1]; lots++) {
            sizes.add((int) lots);
        }
        int bestLots = 0;
        HardSoftLongScore best = null;
        for (int lots : sizes) {
            order.setLots(lots);
            HardSoftLongScore score = AllocationScorer.score(plan);
            if (lots > 0 && Math.abs(score.softScore() - SOFT_UNITS_PER_MONEY * curve.value(lots)) > slack) {
                // the curve no longer describes the score: not provably exact, leave it to the search
                return false;
            }
            if (best == null || score.compareTo(best) > 0) {
                best = score;
                bestLots = lots;
            }
        }
        order.setLots(bestLots);
        return true;
    }

    /**
     * The sizes in [from, to] where the concave curve is at least {@code threshold}, widened by two lots
     * each side against rounding in the root; an empty interval (from &gt; to) when none is.
     */
    private static long[] window(ObjectiveCurve curve, double threshold, int from, int to) {
        double a = curve.quadraticPerLot();
        double b = curve.linearPerLot();
        double low;
        double high;
        if (a > 0) {
            double discriminant = b * b - 4 * a * threshold;
            if (discriminant < 0) {
                return new long[] {from, from - 1L};
            }
            double root = Math.sqrt(discriminant);
            low = (b - root) / (2 * a);
            high = (b + root) / (2 * a);
        } else if (b > 0) {
            low = threshold / b;
            high = to;
        } else if (b < 0) {
            low = from;
            high = threshold / b;
        } else {
            low = threshold <= 0 ? from : to + 1.0;
            high = threshold <= 0 ? to : from - 1.0;
        }
        long start = (long) Math.max(from, Math.floor(low) - 2);
        long end = (long) Math.min(to, Math.ceil(high) + 2);
        return new long[] {start, end};
    }

    private static int clamp(double lots, int from, int to) {
        return (int) Math.max(from, Math.min(to, lots));
    }

    private static boolean feasibleAt(AllocationPlan plan, LotAllocation order, int lots) {
        order.setLots(lots);
        return AllocationScorer.score(plan).isFeasible();
    }

    /** The largest size in [feasible, to] that is feasible, given that {@code feasible} is. */
    private static int largestFeasible(AllocationPlan plan, LotAllocation order, int feasible, int to) {
        if (feasibleAt(plan, order, to)) {
            return to;
        }
        int low = feasible;
        int high = to;
        while (high - low > 1) {
            int middle = low + (high - low) / 2;
            if (feasibleAt(plan, order, middle)) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /**
     * Branch and bound over the orders' sizes, in plan order; each order's sizes (but the last's) are
     * bounded first and branched on best bound first, the last order's only within the interval that can
     * still win ({@code lastOrder}). A branch is cut when no plan below it can score more than the best
     * feasible plan found:
     *
     * <ul>
     *   <li>its soft score is at most 10⁴ × Q(k) + slack, where Q is the sum of the orders'
     *       {@link ObjectiveCurve}s less the pairs' risk ({@link LotAllocation#pairRiskPerLots}), and the
     *       slack covers every rounded term (half a unit each) and the floating-point error;</li>
     *   <li>every feasible plan keeps each limit as a linear inequality in the lots (the gross budget:
     *       the gross, leverage and stressed-leverage limits less existing exposure; net exposure, position
     *       quantity, instrument, cluster, sector, venue, free balance, margin), so for any μ &ge; 0 the
     *       Lagrangian μ × what the limit leaves + Σ over unsized orders of max over [0, maxLots] of (their
     *       curve terms − μ × their weight) bounds Q from above (weak duality); the smallest over the
     *       limits is taken. Risk between two unsized orders is bounded by its largest value over their
     *       ranges' corners. μ is chosen by ternary search, but any μ gives a valid bound; a limit the
     *       unsized orders cannot bring back within cuts the branch.</li>
     * </ul>
     * Every plan not cut is scored exactly. Gives up (the search takes over) after {@value #MAX_BOUND_WORK}
     * bounds and scorings, a count, so the outcome does not depend on the machine.
     */
    private static final class BranchAndBound {

        private static final int MULTIPLIER_ITERATIONS = 60;

        private final AllocationPlan plan;
        private final List<LotAllocation> orders;
        private final int n;
        private final double[] linear;
        private final double[] quadratic;
        private final double[] lotValue;
        private final double[][] pair;
        private final int[] maxLots;
        private final double budget;
        /** Linear limits every feasible plan keeps: Σ rowWeights[c][i] × lots[i] &le; rowLimits[c]. */
        private final double[][] rowWeights;
        private final double[] rowLimits;
        private final double slack;
        private final int[] lots;
        private final int[] bestLots;
        private long bestSoft;
        private long work;

        BranchAndBound(AllocationPlan plan) {
            this.plan = plan;
            this.orders = plan.getAllocations();
            this.n = orders.size();
            linear = new double[n];
            quadratic = new double[n];
            lotValue = new double[n];
            maxLots = new int[n];
            pair = new double[n][n];
            double slackUnits = 0;
            for (int i = 0; i < n; i++) {
                LotAllocation order = orders.get(i);
                ObjectiveCurve curve = order.objectiveCurve();
                linear[i] = curve.linearPerLot();
                quadratic[i] = curve.quadraticPerLot();
                lotValue[i] = order.lotNotional().doubleValue();
                maxLots[i] = order.getMaxLots();
                order.setLots(maxLots[i]);
                slackUnits += ROUNDING_UNITS + SOFT_UNITS_PER_MONEY * FLOATING_POINT_RELATIVE
                        * (order.notional().doubleValue() + Math.abs(order.ownRisk()) + curve.scalePerLot() * maxLots[i]
                        + curve.quadraticPerLot() * maxLots[i] * (double) maxLots[i]);
            }
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    // the constraint pairs each two orders once, the lower proposal id on the left
                    LotAllocation left = orders.get(i);
                    LotAllocation right = orders.get(j);
                    boolean leftFirst = left.getProposalId().compareTo(right.getProposalId()) < 0;
                    double perLots = leftFirst ? left.pairRiskPerLots(right) : right.pairRiskPerLots(left);
                    pair[i][j] = perLots;
                    pair[j][i] = perLots;
                    if (perLots != 0) {
                        slackUnits += 0.5 + SOFT_UNITS_PER_MONEY * FLOATING_POINT_RELATIVE
                                * Math.abs(perLots) * maxLots[i] * (double) maxLots[j];
                    }
                }
            }
            this.slack = slackUnits;
            this.budget = grossBudget(plan);
            List<double[]> weights = new ArrayList<>();
            List<Double> limits = new ArrayList<>();
            linearLimits(plan, weights, limits);
            weights.add(lotValue.clone());
            limits.add(budget);
            // limits on the same orders with the same weights (instrument, cluster, sector and gross when the
            // orders share them) bound alike: the tightest of them is enough
            List<double[]> distinctWeights = new ArrayList<>();
            List<Double> tightest = new ArrayList<>();
            for (int c = 0; c < weights.size(); c++) {
                int same = -1;
                for (int d = 0; d < distinctWeights.size() && same < 0; d++) {
                    same = Arrays.equals(distinctWeights.get(d), weights.get(c)) ? d : -1;
                }
                if (same < 0) {
                    distinctWeights.add(weights.get(c));
                    tightest.add(limits.get(c));
                } else {
                    tightest.set(same, Math.min(tightest.get(same), limits.get(c)));
                }
            }
            this.rowWeights = distinctWeights.toArray(new double[0][]);
            this.rowLimits = tightest.stream().mapToDouble(Double::doubleValue).toArray();
            this.lots = new int[n];
            this.bestLots = new int[n];
        }

        /** The most value the orders may add under the gross, leverage and stressed-leverage limits, widened a hair. */
        private static double grossBudget(AllocationPlan plan) {
            BigDecimal budget = plan.getGrossExposureLimit().excessWith(BigDecimal.ZERO).negate();
            if (plan.getPortfolioTerms().maxLeveragedExposure() != null) {
                budget = budget.min(plan.getPortfolioTerms().leverageExcess(BigDecimal.ZERO).negate());
            }
            if (plan.getStressedLeverageLimit() != null) {
                budget = budget.min(plan.getStressedLeverageLimit().excess(BigDecimal.ZERO).negate());
            }
            double value = budget.doubleValue();
            return value + Math.abs(value) * 1e-12 + 1e-6;
        }

        /**
         * The limits other than gross exposure as linear inequalities in the lots, each read from the
         * model's own excess method at one or two amounts (it is affine there): net exposure and position
         * quantity (two each: |before + x| within max(limit, |before|)), instrument, cluster, sector and
         * venue exposure, free balance and margin (buys only). A limit whose group no order is in adds nothing.
         * Each holds for every feasible plan, also when nothing in its group trades (then its left side
         * is 0 and its right side is not negative).
         */
        private void linearLimits(AllocationPlan plan, List<double[]> weights, List<Double> limits) {
            BigDecimal zero = BigDecimal.ZERO;
            BigDecimal one = BigDecimal.ONE;
            PortfolioTerms terms = plan.getPortfolioTerms();
            double[] signedValue = new double[n];
            double[] buyValue = new double[n];
            double[] balanceValue = new double[n];
            for (int i = 0; i < n; i++) {
                signedValue[i] = orders.get(i).sign() * lotValue[i];
                buyValue[i] = orders.get(i).sign() > 0 ? lotValue[i] : 0;
                balanceValue[i] = lotValue[i] * orders.get(i).getBalanceShare().doubleValue();
            }
            if (terms.maxNetExposure() != null) {
                BigDecimal before = terms.currentNetExposure().abs();
                addBothSides(weights, limits, signedValue,
                        before.subtract(terms.netExcess(before)).doubleValue(),
                        before.negate().add(terms.netExcess(before.negate())).doubleValue());
            }
            for (int i = 0; i < n; i++) {
                LotAllocation order = orders.get(i);
                if (terms.maxInstrumentExposure() != null) {
                    addGroup(weights, limits, j -> orders.get(j).getSymbol().equals(order.getSymbol()),
                            -terms.instrumentExcess(order.getSymbol(), zero).doubleValue());
                }
                if (terms.clusterToMaxExposure().containsKey(order.getCluster())) {
                    addGroup(weights, limits, j -> orders.get(j).getCluster().equals(order.getCluster()),
                            -terms.clusterExcess(order.getCluster(), zero).doubleValue());
                }
                if (order.getSector() != null && terms.sectorToMaxExposure().containsKey(order.getSector())) {
                    addGroup(weights, limits, j -> order.getSector().equals(orders.get(j).getSector()),
                            -terms.sectorExcess(order.getSector(), zero).doubleValue());
                }
                if (order.getVenue() != null && terms.maxVenueExposure() != null) {
                    addGroup(weights, limits, j -> order.getVenue().equals(orders.get(j).getVenue()),
                            -terms.venueExcess(order.getVenue(), zero).doubleValue());
                }
                if (plan.getPositionQuantityLimit() != null) {
                    PositionQuantityLimit position = plan.getPositionQuantityLimit();
                    BigDecimal before = position.positionBefore(order.getSymbol()).abs();
                    double[] signedQuantity = new double[n];
                    for (int j = 0; j < n; j++) {
                        signedQuantity[j] = orders.get(j).getSymbol().equals(order.getSymbol())
                                ? orders.get(j).sign() * orders.get(j).getLotSize().doubleValue() : 0;
                    }
                    addBothSides(weights, limits, signedQuantity,
                            before.subtract(position.excess(order.getSymbol(), before)).doubleValue(),
                            before.negate().add(position.excess(order.getSymbol(), before.negate())).doubleValue());
                }
            }
            if (terms.marginRate() != null) {
                add(weights, limits, balanceValue, Math.max(0, -terms.balanceExcess(zero).doubleValue()));
            }
            if (plan.getMarginUtilisationLimit() != null) {
                MarginUtilisationLimit margin = plan.getMarginUtilisationLimit();
                BigDecimal atZero = margin.excess(zero);
                double rate = margin.excess(one).subtract(atZero).doubleValue();
                if (rate > 0) {
                    add(weights, limits, buyValue, -atZero.doubleValue() / rate);
                }
            }
        }

        private void addGroup(List<double[]> weights, List<Double> limits, IntPredicate inGroup,
                              double limit) {
            double[] row = new double[n];
            for (int j = 0; j < n; j++) {
                row[j] = inGroup.test(j) ? lotValue[j] : 0;
            }
            add(weights, limits, row, limit);
        }

        /** low &le; Σ row × lots &le; high, as two rows. */
        private static void addBothSides(List<double[]> weights, List<Double> limits, double[] row, double high,
                                         double low) {
            add(weights, limits, row, high);
            add(weights, limits, Arrays.stream(row).map(w -> -w).toArray(), -low);
        }

        /** Widened a hair against rounding: a looser limit only weakens the bound. */
        private static void add(List<double[]> weights, List<Double> limits, double[] row, double limit) {
            weights.add(row);
            limits.add(limit + Math.abs(limit) * 1e-9 + 1e-6);
        }

        /** One size of an order and what it leaves: Q so far, value used, the bound below it. */
        private record Branch(int lots, double sized, double used, double bound) {

            static final java.util.Comparator<Branch> MOST_PROMISING_FIRST = java.util.Comparator
                    .comparingDouble(Branch::bound).reversed()
                    .thenComparingInt(Branch::lots);
        }

        /** True when sized (the orders hold the best plan); false when the work ran out (orders unassigned). */
        boolean solve() {
            orders.forEach(order -> order.setLots(0));
            HardSoftLongScore none = AllocationScorer.score(plan);
            if (!none.isFeasible()) {
                // the gross and leverage limits are broken before any order: every plan is infeasible
                return true;
            }
            bestSoft = none.softScore();
            if (!branch(0, 0.0, 0.0)) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                orders.get(i).setLots(bestLots[i]);
            }
            return true;
        }

        /**
         * Sizes order {@code level} and those after it.
         *
         * @param sized Q of the orders sized so far (their curves less the risk between them)
         * @param used  their total value
         * @return false when the work ran out
         */
        private boolean branch(int level, double sized, double used) {
            if (level == n - 1) {
                return lastOrder(level, sized);
            }
            LotAllocation order = orders.get(level);
            long sizes = order.getLotRange().getSize();
            // bound every size first, then branch on the most promising first: the best plan found early
            // cuts the rest (of equal bounds, the smaller size first)
            List<Branch> branches = new ArrayList<>();
            for (long index = 0; index < sizes; index++) {
                int k = order.getLotRange().get(index);
                double value = used + lotValue[level] * k;
                if (value > budget) {
                    break; // larger sizes only use more of the budget
                }
                double withThis = sized + linear[level] * k - quadratic[level] * k * (double) k;
                for (int l = 0; l < level; l++) {
                    withThis -= pair[level][l] * k * lots[l];
                }
                if (++work > MAX_BOUND_WORK) {
                    return false;
                }
                double bound = SOFT_UNITS_PER_MONEY * (withThis + bestRest(level + 1, k)) + slack;
                if (bound >= bestSoft + 1) {
                    branches.add(new Branch(k, withThis, value, bound));
                }
            }
            branches.sort(Branch.MOST_PROMISING_FIRST);
            for (Branch branch : branches) {
                if (branch.bound() < bestSoft + 1) {
                    break; // and so are all after it
                }
                lots[level] = branch.lots();
                if (!branch(level + 1, branch.sized(), branch.used())) {
                    return false;
                }
            }
            lots[level] = 0;
            return true;
        }

        /**
         * The last order, the others sized: its terms in Q are a concave parabola and every limit a bound
         * on its lots, so only the sizes in one interval can beat the best (the parabola at least
         * best − slack, every limit kept; widened by a lot or two against rounding). Each is scored.
         */
        private boolean lastOrder(int level, double sized) {
            LotAllocation order = orders.get(level);
            double linearHere = linear[level];
            for (int l = 0; l < level; l++) {
                linearHere -= pair[level][l] * lots[l];
            }
            double[] range = rangeLeft(level);
            if (range[0] > range[1]) {
                return true; // the others already break a limit this order cannot mend
            }
            long[] window = window(new ObjectiveCurve(linearHere, quadratic[level], 0),
                    (bestSoft + 1 - slack) / SOFT_UNITS_PER_MONEY - sized, 0, maxLots[level]);
            long from = Math.max(window[0], (long) Math.floor(range[0]));
            long to = Math.min(window[1], (long) Math.ceil(range[1]));
            if (from <= 0 && 0 <= to && !scoreLeaf(level, 0)) {
                return false;
            }
            for (long k = Math.max(from, order.getMinLots()); k <= to; k++) {
                if (!scoreLeaf(level, (int) k)) {
                    return false;
                }
            }
            lots[level] = 0;
            return true;
        }

        /** Scores the plan with the last order at {@code k}; false when the work ran out. */
        private boolean scoreLeaf(int level, int k) {
            if (++work > MAX_BOUND_WORK) {
                return false;
            }
            lots[level] = k;
            for (int i = 0; i < n; i++) {
                orders.get(i).setLots(lots[i]);
            }
            HardSoftLongScore score = AllocationScorer.score(plan);
            if (score.isFeasible() && score.softScore() > bestSoft) {
                bestSoft = score.softScore();
                System.arraycopy(lots, 0, bestLots, 0, n);
            }
            return true;
        }

        /**
         * An upper bound of Q's terms involving the orders from {@code from} on, the orders before sized
         * ({@code lots}, with order {@code from - 1} at {@code justSized}): the smallest over the linear
         * limits of the Lagrangian with that limit's multiplier alone (each is a valid bound);
         * {@code -∞} when a limit cannot be met whatever the unsized orders do.
         */
        private double bestRest(int from, int justSized) {
            lots[from - 1] = justSized;
            if (from == n - 1) {
                return bestOfLast(from);
            }
            double[] beta = new double[n];
            double corners = 0;
            for (int i = from; i < n; i++) {
                beta[i] = linear[i];
                for (int l = 0; l < from; l++) {
                    beta[i] -= pair[i][l] * lots[l];
                }
                for (int j = i + 1; j < n; j++) {
                    corners += Math.max(0, -pair[i][j] * maxLots[i] * (double) maxLots[j]);
                }
            }
            double best = lagrangian(from, beta, null, 0, 0);
            for (int c = 0; c < rowLimits.length; c++) {
                double[] row = rowWeights[c];
                double left = rowLimits[c];
                for (int l = 0; l < from; l++) {
                    left -= row[l] * lots[l];
                }
                double high = 0;
                double mostRelief = 0;
                for (int i = from; i < n; i++) {
                    if (row[i] != 0) {
                        high = Math.max(high, (Math.abs(beta[i]) + 2 * quadratic[i] * maxLots[i]) / Math.abs(row[i]));
                    }
                    mostRelief += Math.max(0, -row[i]) * maxLots[i];
                }
                if (left + mostRelief < 0) {
                    return Double.NEGATIVE_INFINITY; // even the unsized orders at their best cannot meet it
                }
                if (left >= 0 && high == 0) {
                    continue; // no unsized order in the limit: μ = 0 is best
                }
                double low = 0;
                for (int iteration = 0; iteration < MULTIPLIER_ITERATIONS && high > low; iteration++) {
                    double one = low + (high - low) / 3;
                    double two = high - (high - low) / 3;
                    double atOne = lagrangian(from, beta, row, left, one);
                    double atTwo = lagrangian(from, beta, row, left, two);
                    best = Math.min(best, Math.min(atOne, atTwo));
                    if (atOne <= atTwo) {
                        high = two;
                    } else {
                        low = one;
                    }
                }
                best = Math.min(best, lagrangian(from, beta, row, left, high));
            }
            return best + corners;
        }

        /**
         * With one order left, its exact continuous maximum: its parabola over the sizes every limit leaves
         * it (widened by a lot each side against rounding); {@code -∞} when none does.
         */
        private double bestOfLast(int last) {
            double linearHere = linear[last];
            for (int l = 0; l < last; l++) {
                linearHere -= pair[last][l] * lots[l];
            }
            double[] range = rangeLeft(last);
            if (range[0] > range[1]) {
                return Double.NEGATIVE_INFINITY;
            }
            double a = quadratic[last];
            double k = a > 0
                    ? Math.max(range[0], Math.min(range[1], linearHere / (2 * a)))
                    : (linearHere > 0 ? range[1] : range[0]);
            return linearHere * k - a * k * k;
        }

        /**
         * The sizes of order {@code last} every limit leaves once the orders before it are sized, within
         * [0, maxLots] and widened by a lot each side; from &gt; to when the orders before already break a
         * limit the last one cannot mend.
         */
        private double[] rangeLeft(int last) {
            double low = 0;
            double high = maxLots[last];
            for (int c = 0; c < rowLimits.length; c++) {
                double left = rowLimits[c];
                for (int l = 0; l < last; l++) {
                    left -= rowWeights[c][l] * lots[l];
                }
                double weight = rowWeights[c][last];
                if (weight > 0) {
                    high = Math.min(high, left / weight + 1);
                } else if (weight < 0) {
                    low = Math.max(low, left / weight - 1);
                } else if (left < 0) {
                    return new double[] {1, 0};
                }
            }
            return new double[] {low, high};
        }

        /**
         * μ × what the limit leaves + Σ over the unsized orders of the most their terms less μ × their
         * weight can reach over [0, maxLots]; without a limit ({@code row} null) the terms' maxima alone.
         */
        private double lagrangian(int from, double[] beta, double[] row, double left, double multiplier) {
            double total = row == null ? 0 : multiplier * left;
            for (int i = from; i < n; i++) {
                double b = beta[i] - (row == null ? 0 : multiplier * row[i]);
                double a = quadratic[i];
                double k = a > 0 ? Math.max(0, Math.min(maxLots[i], b / (2 * a))) : (b > 0 ? maxLots[i] : 0);
                total += b * k - a * k * k;
            }
            return total;
        }
    }
}
