package dev.arbiter.solver;

import static dev.arbiter.kb.text.Figures.money;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicType;
import ai.timefold.solver.core.config.heuristic.selector.move.MoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.CartesianProductMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import ai.timefold.solver.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.monitoring.MonitoringConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.analysis.MatchAnalysis;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import dev.arbiter.solver.constraints.AllocationConstraintProvider;
import dev.arbiter.solver.constraints.AllocationJustification;
import dev.arbiter.solver.constraints.ScoreUnits;
import dev.arbiter.solver.model.AllocationPlan;
import dev.arbiter.solver.model.GrossExposureLimit;
import dev.arbiter.solver.model.LotAllocation;
import dev.arbiter.solver.search.RebalanceMoveIteratorFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Sizes the candidates of an {@link AllocationProblem}: every order a whole number of lots within its
 * cap, every limit held, the objective as high as can be found. Small problems are sized exactly without
 * a search by {@link ExactSizer} (one order to size; a few with at most
 * {@value ExactSizer#MAX_COMBINATIONS} combinations of sizes; up to {@value ExactSizer#MAX_BOUNDED_ORDERS}
 * by branch and bound); the rest by Timefold. Either way the allocation is scored, explained and
 * justified by Timefold's constraint streams.
 *
 * <p>Deterministic: a fixed random seed, termination by unimproved step count (never by time) and the
 * reproducible environment mode {@code NO_ASSERT} (Timefold 1.32's name for what was
 * {@code REPRODUCIBLE}), so the same problem and settings always give the same allocation, in any JVM.
 * Thread-safe: the solver factories are shared and immutable, each call builds its own solver.
 */
public final class CapitalAllocator {

    private static final int MATCHES_PER_CONSTRAINT = 10;
    private static final double ENTITY_TABU_RATIO = 0.5;
    private static final int ACCEPTED_MOVES_PER_STEP = 10;
    private static final long MOVE_EVALUATIONS_PER_UNIMPROVED_STEP = 1_000L;
    /**
     * Moves a step may draw. With few orders one rebalance move can make every order tabu, and a step
     * then accepts only moves that beat the best: without a limit it draws until the safety net ends the
     * search (seconds for three orders). A step that accepted fewer than ten by then takes the best of
     * those it accepted, or none.
     */
    private static final long MOVES_SELECTED_PER_STEP = 100L;

    private final SolverFactory<AllocationPlan> searchingSolverFactory;
    private final SolverFactory<AllocationPlan> constructingSolverFactory;
    private final SolutionManager<AllocationPlan, HardSoftLongScore> solutionManager;
    private final boolean exactSizing;

    public CapitalAllocator(AllocatorSettings settings) {
        this(settings, EnvironmentMode.NO_ASSERT);
    }

    /** With another environment mode, e.g. {@code FULL_ASSERT} in tests to check incremental scoring. */
    CapitalAllocator(AllocatorSettings settings, EnvironmentMode environmentMode) {
        this(settings, environmentMode, true);
    }

    /** Sizing every problem with Timefold, never the exact sizer: for tests that measure the search. */
    static CapitalAllocator searchOnly(AllocatorSettings settings) {
        return new CapitalAllocator(settings, EnvironmentMode.NO_ASSERT, false);
    }

    private CapitalAllocator(AllocatorSettings settings, EnvironmentMode environmentMode, boolean exactSizing) {
        this.exactSizing = exactSizing;
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(environmentMode, "environmentMode");
        if (!environmentMode.isReproducible()) {
            throw new IllegalArgumentException("environmentMode " + environmentMode
                    + " is not accepted; expected a reproducible mode such as NO_ASSERT");
        }
        SolverConfig config = solverConfig(settings, environmentMode);
        this.searchingSolverFactory = SolverFactory.create(config);
        this.constructingSolverFactory = SolverFactory.create(
                new SolverConfig(config).withPhases(constructionHeuristic()));
        this.solutionManager = SolutionManager.create(searchingSolverFactory);
    }

    /**
     * The search, fixed here because a replay must use the same one:
     * <ol>
     *   <li>Construction: highest conviction first, each order at the size that scores best given the
     *       orders already placed: the most lots that fit (the greedy start of a knapsack).</li>
     *   <li>Local search: tabu search over three kinds of move: resize one order, resize two, and resize
     *       one with the others rebalanced around it ({@link RebalanceMoveIteratorFactory}, made one at a
     *       time), so budget can shift between orders without passing above the limit. An order resized
     *       in the last steps (up to half the orders) is tabu; a step draws at most
     *       {@value #MOVES_SELECTED_PER_STEP} moves. The search stops after
     *       {@code unimprovedStepCountLimit} steps without a better allocation. A cap of {@value #MOVE_EVALUATIONS_PER_UNIMPROVED_STEP} move
     *       evaluations per allowed unimproved step is a deterministic safety net: a tabu step that
     *       finds no acceptable move would otherwise never end.</li>
     * </ol>
     * Solver metrics are off: nothing reads them, and concurrent solvers would register them twice.
     */
    static SolverConfig solverConfig(AllocatorSettings settings, EnvironmentMode environmentMode) {
        MoveSelectorConfig<?> moves = new UnionMoveSelectorConfig().withSelectedCountLimit(MOVES_SELECTED_PER_STEP)
                .withMoveSelectors(
                new ChangeMoveSelectorConfig(),
                new CartesianProductMoveSelectorConfig().withMoveSelectors(
                        new ChangeMoveSelectorConfig(), new ChangeMoveSelectorConfig()),
                new MoveIteratorFactoryConfig()
                        .withMoveIteratorFactoryClass(RebalanceMoveIteratorFactory.class));
        TerminationConfig termination = new TerminationConfig()
                .withUnimprovedStepCountLimit(settings.unimprovedStepCountLimit())
                .withMoveCountLimit(MOVE_EVALUATIONS_PER_UNIMPROVED_STEP * settings.unimprovedStepCountLimit());
        return new SolverConfig()
                .withSolutionClass(AllocationPlan.class)
                .withEntityClasses(LotAllocation.class)
                .withConstraintProviderClass(AllocationConstraintProvider.class)
                .withEnvironmentMode(environmentMode)
                .withRandomSeed(settings.randomSeed())
                .withMonitoringConfig(new MonitoringConfig().withSolverMetricList(List.of()))
                .withPhases(
                        constructionHeuristic(),
                        new LocalSearchPhaseConfig()
                                .withMoveSelectorConfig(moves)
                                .withAcceptorConfig(new LocalSearchAcceptorConfig().withEntityTabuRatio(ENTITY_TABU_RATIO))
                                .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(ACCEPTED_MOVES_PER_STEP))
                                .withTerminationConfig(termination));
    }

    private static ConstructionHeuristicPhaseConfig constructionHeuristic() {
        return new ConstructionHeuristicPhaseConfig()
                .withConstructionHeuristicType(ConstructionHeuristicType.FIRST_FIT_DECREASING);
    }

    /**
     * Sizes every candidate. An empty problem gives a feasible allocation with no orders; a problem no
     * allocation can make feasible (existing exposure already above the gross or leverage limit) gives
     * every order size 0, and the note says why.
     *
     * @throws IllegalArgumentException when the problem is too large to score exactly (see {@link ScoreUnits})
     */
    public Allocation allocate(AllocationProblem problem) {
        Objects.requireNonNull(problem, "problem");
        GrossExposureLimit limit = PlanBuilder.grossLimit(problem);
        if (problem.candidates().isEmpty()) {
            return new Allocation(List.of(), HardSoftLongScore.ZERO.toString(), true,
                    "no candidates: nothing to allocate; gross exposure stays at "
                            + money(limit.currentGrossExposure()) + " of the limit " + money(limit.maxGrossExposure()));
        }
        requireScorable(problem);
        List<LotAllocation> allocations = PlanBuilder.allocations(problem);
        List<LotAllocation> sizable = allocations.stream().filter(LotAllocation::isSizable).toList();
        // the exact sizer sets the lots itself when the problem is within its reach; the search takes the rest
        boolean sizedExactly = !sizable.isEmpty() && exactSizing
                && ExactSizer.size(PlanBuilder.plan(problem, sizable)).isPresent();
        if (!sizable.isEmpty() && !sizedExactly) {
            // With one order to size, construction tries every size and keeps the best: it is exact, and
            // tabu search over a single order would have nothing to do.
            SolverFactory<AllocationPlan> solverFactory = sizable.size() == 1
                    ? constructingSolverFactory
                    : searchingSolverFactory;
            AllocationPlan solved = solverFactory.buildSolver().solve(PlanBuilder.plan(problem, sizable));
            for (int i = 0; i < sizable.size(); i++) {
                sizable.get(i).setLots(solved.getAllocations().get(i).getLots());
            }
        }
        AllocationPlan plan = PlanBuilder.plan(problem, allocations);
        // the analysis behind the justifications scores the plan too: one Timefold session, not two
        ScoreAnalysis<HardSoftLongScore> analysis = solutionManager.analyze(plan);
        return analysis.score().isFeasible()
                ? feasibleAllocation(problem, plan, analysis)
                : infeasibleAllocation(plan);
    }

    /** The score of an allocation with the given lots per candidate (in the candidates' order), for checks. */
    public HardSoftLongScore scoreOf(AllocationProblem problem, long[] lots) {
        List<LotAllocation> allocations = PlanBuilder.allocations(problem);
        for (int i = 0; i < allocations.size(); i++) {
            allocations.get(i).setLots((int) lots[i]);
        }
        return solutionManager.update(PlanBuilder.plan(problem, allocations));
    }

    private static void requireScorable(AllocationProblem problem) {
        BigDecimal potentialGross = problem.currentGrossExposure();
        for (AllocationCandidate candidate : problem.candidates()) {
            potentialGross = potentialGross.add(candidate.maxQuantity().multiply(candidate.proposal().price()));
        }
        if (potentialGross.compareTo(ScoreUnits.MAX_SCORED_AMOUNT) > 0) {
            throw new IllegalArgumentException("AllocationProblem: potential gross exposure "
                    + money(potentialGross) + " (existing exposure plus every candidate at its cap) is not "
                    + "accepted; expected at most " + money(ScoreUnits.MAX_SCORED_AMOUNT)
                    + ", the most the allocator scores exactly. Maybe split the candidates into smaller problems?");
        }
        if (problem.objective().riskAversion().signum() > 0) {
            double maxVariance = 0;
            double[][] matrix = problem.covariance().toArray();
            for (int i = 0; i < matrix.length; i++) {
                maxVariance = Math.max(maxVariance, matrix[i][i]);
            }
            double lambda = problem.objective().riskAversion().doubleValue()
                    / (2.0 * problem.account().equity().doubleValue());
            double gross = potentialGross.doubleValue();
            double riskBound = 2 * lambda * maxVariance * gross * gross * 10_000.0;
            if (!(riskBound < 1e17)) {
                throw new IllegalArgumentException("AllocationProblem: a risk penalty of up to " + riskBound / 10_000.0
                        + " (risk aversion " + problem.objective().riskAversion().toPlainString() + ", largest variance "
                        + maxVariance + ", potential gross " + money(potentialGross) + ") is not accepted; "
                        + "expected at most 1e13, the most the allocator scores exactly. Maybe the covariance is in "
                        + "percent rather than fractions?");
            }
        }
    }

    private Allocation feasibleAllocation(AllocationProblem problem, AllocationPlan solved,
                                          ScoreAnalysis<HardSoftLongScore> analysis) {
        GrossExposureLimit limit = solved.getGrossExposureLimit();
        BigDecimal grossExposure = solved.grossExposure();
        BoundBySentences bindings = new BoundBySentences(solved);
        List<AllocatedOrder> orders = new ArrayList<>();
        int traded = 0;
        for (int i = 0; i < problem.candidates().size(); i++) {
            LotAllocation allocation = solved.getAllocations().get(i);
            orders.add(orderOf(allocation, bindings.feasible(allocation, problem.candidates().get(i).capReasons())));
            traded += allocation.lotsOrZero() > 0 ? 1 : 0;
        }
        String note = "traded " + traded + " of " + orders.size() + " candidates: new orders worth "
                + money(solved.ordersNotional()) + " bring gross exposure to " + money(grossExposure)
                + " of the limit " + money(limit.maxGrossExposure());
        return new Allocation(orders, analysis.score().toString(), true, note, justifications(analysis));
    }

    /** Nothing may trade: every order is sized 0 and the score is that of trading nothing. */
    private Allocation infeasibleAllocation(AllocationPlan solved) {
        solved.getAllocations().forEach(allocation -> allocation.setLots(0));
        ScoreAnalysis<HardSoftLongScore> withoutOrders = solutionManager.analyze(solved);
        String reason = BoundBySentences.infeasibleReason(solved);
        List<String> boundBy = BoundBySentences.infeasible(reason);
        List<AllocatedOrder> orders = solved.getAllocations().stream()
                .map(allocation -> orderOf(allocation, boundBy))
                .toList();
        return new Allocation(orders, withoutOrders.score().toString(), false, "no orders: " + reason,
                justifications(withoutOrders));
    }

    /**
     * What the score is made of, one line per constraint with an impact ("name: score over n matches"),
     * each followed by the sentences of its largest matches (at most {@value #MATCHES_PER_CONSTRAINT}).
     */
    private static List<String> justifications(ScoreAnalysis<HardSoftLongScore> analysis) {
        List<String> lines = new ArrayList<>();
        for (String name : AllocationConstraintProvider.NAMES) {
            ConstraintAnalysis<HardSoftLongScore> constraint = analysis.constraintMap().values().stream()
                    .filter(c -> c.constraintRef().constraintName().equals(name))
                    .findFirst().orElse(null);
            if (constraint == null || constraint.matches() == null || constraint.matches().isEmpty()) {
                continue;
            }
            lines.add(name + ": " + constraint.score() + " over " + constraint.matches().size() + " matches");
            // only matches as large as the tenth largest can be listed: their sentences alone are written
            // (with 500 orders the pair-risk constraint has ~125,000 matches)
            long smallestListed = constraint.matches().stream()
                    .map(m -> magnitude(m.score()))
                    .sorted(java.util.Comparator.reverseOrder())
                    .skip(MATCHES_PER_CONSTRAINT - 1L)
                    .findFirst().orElse(Long.MIN_VALUE);
            constraint.matches().stream()
                    .filter(m -> magnitude(m.score()) >= smallestListed)
                    .sorted(java.util.Comparator.comparing((MatchAnalysis<HardSoftLongScore> m) -> magnitude(m.score()))
                            .reversed()
                            .thenComparing(m -> ((AllocationJustification) m.justification()).description()))
                    .limit(MATCHES_PER_CONSTRAINT)
                    .forEach(m -> lines.add("  " + ((AllocationJustification) m.justification()).description()));
        }
        return lines;
    }

    private static long magnitude(HardSoftLongScore score) {
        return Math.abs(score.hardScore()) * 1_000_000_000L + Math.abs(score.softScore());
    }

    private static AllocatedOrder orderOf(LotAllocation allocation, List<String> boundBy) {
        return new AllocatedOrder(allocation.getProposalId(), allocation.getSymbol(), allocation.getSide(),
                allocation.quantity(), allocation.getPrice(), allocation.notional(), boundBy);
    }
}
