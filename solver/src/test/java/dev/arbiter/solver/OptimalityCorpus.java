package dev.arbiter.solver;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import dev.arbiter.kb.fact.Proposal;
import dev.arbiter.kb.fact.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The optimality corpus: {@value #INSTANCES} seeded problems with every limit and the full objective
 * (risk from a covariance, costs, turnover, minimum notionals, clusters, sectors, holdings), each small
 * enough ({@value #MAX_COMBINATIONS} size combinations at most) to find its exact optimum by trying
 * every combination. Shared by the tests that compare an allocator with that optimum.
 */
final class OptimalityCorpus {

    static final int INSTANCES = 200;
    static final long SEED = 20_261_121L;
    static final int MAX_COMBINATIONS = 1_500;

    private OptimalityCorpus() {
    }

    /** The corpus, in order: the same {@value #INSTANCES} problems on every call. */
    static List<AllocationProblem> problems() {
        Random random = new Random(SEED);
        List<AllocationProblem> problems = new ArrayList<>(INSTANCES);
        for (int instance = 0; instance < INSTANCES; instance++) {
            problems.add(randomProblem(random));
        }
        return problems;
    }

    /** Best score over every combination of allowed sizes (0, or minLots..maxLots per candidate). */
    static HardSoftLongScore exhaustive(CapitalAllocator allocator, AllocationProblem problem) {
        List<int[]> options = new ArrayList<>();
        for (AllocationCandidate candidate : problem.candidates()) {
            options.add(allowedLots(problem, candidate));
        }
        int[] index = new int[options.size()];
        long[] lots = new long[options.size()];
        HardSoftLongScore best = null;
        while (true) {
            for (int i = 0; i < lots.length; i++) {
                lots[i] = options.get(i)[index[i]];
            }
            HardSoftLongScore score = allocator.scoreOf(problem, lots);
            if (best == null || score.compareTo(best) > 0) {
                best = score;
            }
            int i = 0;
            while (i < index.length && index[i] == options.get(i).length - 1) {
                index[i] = 0;
                i++;
            }
            if (i == index.length) {
                if (!best.isFeasible()) {
                    Arrays.fill(lots, 0);
                    return allocator.scoreOf(problem, lots);
                }
                return best;
            }
            index[i]++;
        }
    }

    static int[] allowedLots(AllocationProblem problem, AllocationCandidate candidate) {
        int maxLots = candidate.maxQuantity().divideToIntegralValue(candidate.lotSize()).intValueExact();
        BigDecimal lotNotional = candidate.lotSize().multiply(candidate.proposal().price());
        int minLots = Math.max(1, problem.instrument(candidate.proposal().symbol()).minNotional()
                .divide(lotNotional, 0, RoundingMode.CEILING).intValueExact());
        List<Integer> values = new ArrayList<>();
        values.add(0);
        for (int lots = minLots; lots <= maxLots; lots++) {
            values.add(lots);
        }
        return values.stream().mapToInt(Integer::intValue).toArray();
    }

    private static final String[] SYMBOLS = {"BTC-USD", "ETH-USD", "SOL-USD", "ADA-USD", "XRP-USD"};
    private static final String[] CLUSTERS = {"majors", "majors", "alts", "alts", "alts"};
    private static final String[] SECTORS = {"store-of-value", "layer-1", "layer-1", "layer-1", "payments"};

    /** 2-7 candidates over 5 instruments, each 1-5 lots, every limit set so that some bind. */
    static AllocationProblem randomProblem(Random random) {
        BigDecimal equity = BigDecimal.valueOf(50_000 + random.nextInt(100_000));
        List<AllocationCandidate> candidates = new ArrayList<>();
        int count = 2 + random.nextInt(6);
        long combinations = 1;
        BigDecimal potential = BigDecimal.ZERO;
        for (int i = 0; i < count; i++) {
            int s = random.nextInt(SYMBOLS.length);
            int lots = 1 + random.nextInt(4);
            if (combinations * (lots + 1) > MAX_COMBINATIONS) {
                break;
            }
            combinations *= lots + 1;
            BigDecimal lotSize = new BigDecimal("0.1");
            BigDecimal price = BigDecimal.valueOf(1000 + random.nextInt(60_000), 1);
            BigDecimal quantity = lotSize.multiply(BigDecimal.valueOf(lots));
            Proposal proposal = new Proposal("P" + i, "ACC-1", SYMBOLS[s], random.nextInt(4) == 0 ? Side.SELL : Side.BUY,
                    quantity, price, (1 + random.nextInt(99)) / 100.0, "strategy:random");
            candidates.add(new AllocationCandidate(proposal, quantity, lotSize, List.of(),
                    (random.nextInt(201) - 100) / 100.0));
            potential = potential.add(quantity.multiply(price));
        }
        List<AllocationInstrument> instruments = new ArrayList<>();
        for (int s = 0; s < SYMBOLS.length; s++) {
            instruments.add(new AllocationInstrument(SYMBOLS[s], CLUSTERS[s], SECTORS[s],
                    BigDecimal.valueOf(random.nextInt(3) * 500L)));
        }
        List<Holding> holdings = List.of(
                new Holding("BTC-USD", BigDecimal.valueOf(random.nextInt(5000)), BigDecimal.ZERO, BigDecimal.ZERO),
                new Holding("SOL-USD", BigDecimal.valueOf(-random.nextInt(2000)), BigDecimal.valueOf(random.nextInt(500)),
                        BigDecimal.ZERO));
        BigDecimal current = holdings.stream().map(Holding::gross).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal fraction = BigDecimal.valueOf(30 + random.nextInt(60), 2);
        PortfolioLimits limits = new PortfolioLimits(current.add(potential.multiply(fraction)).setScale(2, RoundingMode.DOWN),
                potential.multiply(BigDecimal.valueOf(0.6)).setScale(2, RoundingMode.DOWN), new BigDecimal("3"),
                BigDecimal.ONE, new BigDecimal("0.4"),
                Map.of("majors", new BigDecimal("0.5"), "alts", new BigDecimal("0.35")),
                Map.of("layer-1", new BigDecimal("0.45")));
        AccountTerms account = new AccountTerms(equity, equity.multiply(BigDecimal.valueOf(0.5)), BigDecimal.valueOf(500));
        ObjectiveWeights weights = new ObjectiveWeights(new BigDecimal("0.01"), new BigDecimal("0.01"),
                BigDecimal.valueOf(random.nextInt(4)), new BigDecimal("0.001"), new BigDecimal("0.0005"),
                new BigDecimal("0.0001"));
        return new AllocationProblem(candidates, instruments, holdings, current, account, limits, weights,
                factorCovariance(random));
    }

    /** A positive semi-definite covariance from one market factor plus idiosyncratic noise (hourly-ish scale x 24). */
    private static ReturnCovariance factorCovariance(Random random) {
        int n = SYMBOLS.length;
        double[] beta = new double[n];
        double[] idio = new double[n];
        for (int i = 0; i < n; i++) {
            beta[i] = 0.5 + random.nextDouble();
            idio[i] = 0.0001 + 0.0004 * random.nextDouble();
        }
        double market = 0.0004 + 0.0008 * random.nextDouble();
        List<List<Double>> matrix = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Double> row = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                row.add(beta[i] * beta[j] * market + (i == j ? idio[i] : 0));
            }
            matrix.add(row);
        }
        return new ReturnCovariance(List.of(SYMBOLS), matrix);
    }

    /**
     * The same problem with short holdings of known quantity and every optional limit, some of them tight:
     * position quantity, stressed leverage (half the time), margin utilisation, a venue limit over two venues,
     * a second margin rate, and an overdrawn balance a quarter of the time.
     */
    static AllocationProblem withEveryOptionalLimit(AllocationProblem problem, Random random) {
        List<Holding> holdings = List.of(
                new Holding("BTC-USD", BigDecimal.valueOf(1 + random.nextInt(5000)), BigDecimal.ZERO, BigDecimal.ZERO,
                        BigDecimal.valueOf(random.nextInt(3), 1)),
                new Holding("SOL-USD", BigDecimal.valueOf(-1 - random.nextInt(2000)), BigDecimal.valueOf(random.nextInt(500)),
                        BigDecimal.ZERO, BigDecimal.valueOf(-random.nextInt(30), 1)));
        BigDecimal current = holdings.stream().map(Holding::gross).reduce(BigDecimal.ZERO, BigDecimal::add);
        PortfolioLimits limits = problem.limits();
        BigDecimal equity = problem.account().equity();
        PortfolioLimits harder = new PortfolioLimits(limits.maxGrossExposure().add(current), limits.maxNetExposure(),
                limits.maxLeverage(), random.nextBoolean() ? limits.marginRate() : new BigDecimal("0.2"),
                limits.maxInstrumentShare(), limits.maxClusterShare(), limits.maxSectorShare(),
                BigDecimal.valueOf(random.nextInt(40), 1),
                random.nextBoolean() ? BigDecimal.valueOf(1 + random.nextInt(20), 1) : null,
                BigDecimal.valueOf(random.nextInt(100), 2));
        AccountTerms account = random.nextInt(4) == 0
                ? new AccountTerms(equity, BigDecimal.valueOf(-random.nextInt(1000)), BigDecimal.ZERO)
                : new AccountTerms(equity, equity.multiply(BigDecimal.valueOf(random.nextInt(60), 2)),
                        BigDecimal.valueOf(random.nextInt(1000)), BigDecimal.valueOf(random.nextInt(20_000)),
                        BigDecimal.valueOf(10_000 + random.nextInt(40_000)));
        Map<String, String> stressed = random.nextBoolean()
                ? Map.of(problem.candidates().get(0).proposal().symbol(), "HIGH_VOLATILITY")
                : Map.of();
        List<AllocationCandidate> candidates = new ArrayList<>(problem.candidates());
        // BTC and ETH at one venue, the rest at another, under a venue limit that binds some of the time
        List<AllocationInstrument> atVenues = problem.instruments().stream()
                .map(i -> new AllocationInstrument(i.symbol(), i.cluster(), i.sector(), i.minNotional(), i.kind(),
                        i.leverage(), i.symbol().startsWith("BTC") || i.symbol().startsWith("ETH") ? "coinbase" : "binance"))
                .toList();
        PortfolioLimits withVenues = new PortfolioLimits(harder.maxGrossExposure(), harder.maxNetExposure(),
                harder.maxLeverage(), harder.marginRate(), harder.maxInstrumentShare(), harder.maxClusterShare(),
                harder.maxSectorShare(), harder.maxPositionQuantity(), harder.maxLeverageStressed(),
                harder.maxMarginUtilisation(), BigDecimal.valueOf(1_000 + random.nextInt(20_000)));
        return new AllocationProblem(candidates, atVenues, holdings, current, account, withVenues,
                problem.objective(), problem.covariance(), stressed);
    }
}
