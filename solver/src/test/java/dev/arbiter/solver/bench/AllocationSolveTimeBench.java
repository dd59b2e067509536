package dev.arbiter.solver.bench;

import dev.arbiter.kb.fact.Proposal;
import dev.arbiter.kb.fact.Side;
import dev.arbiter.solver.AccountTerms;
import dev.arbiter.solver.Allocation;
import dev.arbiter.solver.AllocationCandidate;
import dev.arbiter.solver.AllocationInstrument;
import dev.arbiter.solver.AllocationProblem;
import dev.arbiter.solver.AllocatorSettings;
import dev.arbiter.solver.CapitalAllocator;
import dev.arbiter.solver.Holding;
import dev.arbiter.solver.ObjectiveWeights;
import dev.arbiter.solver.PortfolioLimits;
import dev.arbiter.solver.ReturnCovariance;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Solve time versus size: for each size, {@code runs} seeded problems with every limit and the full
 * objective (20 instruments in 3 clusters and 3 sectors, a one-factor covariance, caps of 5-40 lots),
 * solved with the default settings (seed 0, 200 unimproved steps) after 10 warm-up solves per size (other
 * seeds). Prints median and p99 wall time.
 * Not a test: run with {@code java -cp ... dev.arbiter.solver.bench.AllocationSolveTimeBench 5,20,100,500 20}.
 */
public final class AllocationSolveTimeBench {

    private static final int WARM_UP_SOLVES = 10;

    private AllocationSolveTimeBench() {
    }

    public static void main(String[] args) {
        int[] sizes = Arrays.stream((args.length > 0 ? args[0] : "5,20,100,500").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        CapitalAllocator allocator = new CapitalAllocator(AllocatorSettings.defaults());
        // warm every path the sizes take (the exact sizer's for a few proposals, Timefold's for more)
        Random warm = new Random(1);
        for (int size : sizes) {
            for (int i = 0; i < WARM_UP_SOLVES; i++) {
                allocator.allocate(problem(warm, size));
            }
        }
        System.out.println("| proposals | runs | median | p99 | max | feasible |");
        System.out.println("|---|---|---|---|---|---|");
        for (int size : sizes) {
            Random random = new Random(size * 31L);
            long[] nanos = new long[runs];
            int feasible = 0;
            for (int run = 0; run < runs; run++) {
                AllocationProblem problem = problem(random, size);
                long start = System.nanoTime();
                Allocation allocation = allocator.allocate(problem);
                nanos[run] = System.nanoTime() - start;
                feasible += allocation.feasible() ? 1 : 0;
            }
            Arrays.sort(nanos);
            System.out.printf("| %d | %d | %.1f ms | %.1f ms | %.1f ms | %d/%d |%n", size, runs, nanos[runs / 2] / 1e6,
                    nanos[(int) Math.min(runs - 1, Math.ceil(0.99 * runs) - 1)] / 1e6, nanos[runs - 1] / 1e6,
                    feasible, runs);
        }
    }

    static AllocationProblem problem(Random random, int size) {
        int symbols = 20;
        String[] clusters = {"majors", "alts", "memes"};
        String[] sectors = {"layer-1", "defi", "payments"};
        List<AllocationInstrument> instruments = new ArrayList<>();
        for (int s = 0; s < symbols; s++) {
            instruments.add(new AllocationInstrument("SYM" + s + "-USD", clusters[s % 3], sectors[(s / 3) % 3],
                    BigDecimal.TEN));
        }
        BigDecimal equity = new BigDecimal("1000000");
        List<AllocationCandidate> candidates = new ArrayList<>();
        BigDecimal potential = BigDecimal.ZERO;
        for (int i = 0; i < size; i++) {
            int s = random.nextInt(symbols);
            BigDecimal lotSize = new BigDecimal("0.1");
            BigDecimal quantity = lotSize.multiply(BigDecimal.valueOf(5 + random.nextInt(36)));
            BigDecimal price = BigDecimal.valueOf(100 + random.nextInt(20_000), 1);
            Proposal proposal = new Proposal("P" + i, "ACC-1", "SYM" + s + "-USD",
                    random.nextInt(4) == 0 ? Side.SELL : Side.BUY, quantity, price, (1 + random.nextInt(99)) / 100.0,
                    "bench");
            candidates.add(new AllocationCandidate(proposal, quantity, lotSize, List.of(),
                    (random.nextInt(201) - 100) / 100.0));
            potential = potential.add(quantity.multiply(price));
        }
        List<Holding> holdings = List.of(new Holding("SYM0-USD", new BigDecimal("20000"), BigDecimal.ZERO, BigDecimal.ZERO));
        Map<String, BigDecimal> clusterShares = new LinkedHashMap<>();
        for (String cluster : clusters) {
            clusterShares.put(cluster, new BigDecimal("0.3"));
        }
        PortfolioLimits limits = new PortfolioLimits(potential.multiply(new BigDecimal("0.5")).setScale(2, RoundingMode.DOWN)
                .add(new BigDecimal("20000")), potential.multiply(new BigDecimal("0.4")).setScale(2, RoundingMode.DOWN),
                new BigDecimal("3"), BigDecimal.ONE, new BigDecimal("0.1"), clusterShares,
                Map.of("layer-1", new BigDecimal("0.4")));
        List<String> names = instruments.stream().map(AllocationInstrument::symbol).toList();
        double[] beta = new double[symbols];
        for (int s = 0; s < symbols; s++) {
            beta[s] = 0.5 + random.nextDouble();
        }
        List<List<Double>> matrix = new ArrayList<>();
        for (int a = 0; a < symbols; a++) {
            List<Double> row = new ArrayList<>();
            for (int b = 0; b < symbols; b++) {
                row.add(beta[a] * beta[b] * 0.0006 + (a == b ? 0.0003 : 0));
            }
            matrix.add(row);
        }
        return new AllocationProblem(candidates, instruments, holdings, new BigDecimal("20000"),
                new AccountTerms(equity, new BigDecimal("600000"), BigDecimal.ZERO), limits,
                new ObjectiveWeights(new BigDecimal("0.01"), new BigDecimal("0.01"), new BigDecimal("2"),
                        new BigDecimal("0.001"), new BigDecimal("0.0005"), new BigDecimal("0.0001")),
                new ReturnCovariance(names, matrix));
    }
}
