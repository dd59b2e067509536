package dev.arbiter.reasoning.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.kb.fact.InstrumentKind;
import dev.arbiter.kb.fact.Side;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A decision that sends no order (none, or only orders sized to nothing) is proved without the solver; the solver
 * itself proves every such decision, on books that keep within their limits and on books that already break every one
 * of them.
 */
class NothingSentTest {

    private static final List<String> SYMBOLS = List.of("BTC-USD", "ETH-USD", "SOL-USD", "DOGE-USD", "BTC-USDT-PERP");
    private static final int BOOKS = 500;

    @Test
    void theSolverProvesEveryBookWhenNothingIsSentAndTheShortcutSaysTheSame() {
        Random random = new Random(7);
        int aboveSomeLimit = 0;
        try (LimitProver prover = new LimitProver(Duration.ofSeconds(5))) {
            for (int book = 0; book < BOOKS; book++) {
                HardLimits limits = randomBook(random);
                ProofResult solved = prover.solve(List.of(), limits);
                ProofResult shortcut = prover.prove(List.of(), limits);

                assertThat(solved.verdict()).as("book %d: %s", book, limits).isEqualTo(ProofVerdict.PROVED);
                assertThat(shortcut.verdict()).isEqualTo(ProofVerdict.PROVED);
                assertThat(shortcut.checkedLimits()).as("book %d", book).isEqualTo(solved.checkedLimits());
                assertThat(shortcut.violations()).isEmpty();
                if (limits.currentGrossExposure().compareTo(limits.maxGrossExposure()) > 0
                        || limits.freeBalance().signum() < 0) {
                    aboveSomeLimit++;
                }
            }
        }
        // the books are not all comfortable ones: many already break a limit, where a careless statement would fail
        assertThat(aboveSomeLimit).isGreaterThan(BOOKS / 4);
    }

    @Test
    void ordersAllSizedToNothingAreProvedAsTheSolverProvesThem() {
        Random random = new Random(11);
        try (LimitProver prover = new LimitProver(Duration.ofSeconds(5))) {
            for (int book = 0; book < BOOKS; book++) {
                List<OrderToProve> orders = new ArrayList<>();
                Map<String, BigDecimal> caps = new LinkedHashMap<>();
                for (int o = 0; o < random.nextInt(1, 4); o++) {
                    String symbol = SYMBOLS.get(random.nextInt(SYMBOLS.size()));
                    orders.add(new OrderToProve("p-" + o, symbol, random.nextBoolean() ? Side.BUY : Side.SELL,
                            BigDecimal.ZERO, money(random, 1, 60_000)));
                    caps.put("p-" + o, BigDecimal.valueOf(random.nextInt(0, 50)));
                }
                HardLimits limits = withCaps(randomBook(random), caps);
                ProofResult solved = prover.solve(orders, limits);
                ProofResult shortcut = prover.prove(orders, limits);

                assertThat(solved.verdict()).as("book %d: %s %s", book, orders, limits).isEqualTo(ProofVerdict.PROVED);
                assertThat(shortcut.verdict()).isEqualTo(ProofVerdict.PROVED);
                assertThat(shortcut.checkedLimits()).as("book %d", book).isEqualTo(solved.checkedLimits());
                assertThat(shortcut.checkMicros()).isZero(); // no solver call
            }
        }
    }

    @Test
    void anOrderOfSizeNothingWithoutACapStillGoesToTheSolver() {
        List<OrderToProve> orders = List.of(new OrderToProve("p-1", "ETH-USD", Side.BUY, BigDecimal.ZERO,
                new BigDecimal("2000")));
        try (LimitProver prover = new LimitProver(Duration.ofSeconds(5))) {
            ProofResult proved = prover.prove(orders, randomBook(new Random(5)));
            assertThat(proved.verdict()).isEqualTo(ProofVerdict.VIOLATED); // a proposal the sizer had no cap for
        }
    }

    @Test
    void anOrderStillGoesToTheSolver() {
        HardLimits limits = randomBook(new Random(3));
        try (LimitProver prover = new LimitProver(Duration.ofSeconds(5))) {
            ProofResult proved = prover.prove(List.of(new OrderToProve("p-1", "ETH-USD",
                    Side.BUY, new BigDecimal("1000000"), new BigDecimal("2000"))), limits);
            assertThat(proved.verdict()).isEqualTo(ProofVerdict.VIOLATED);
        }
    }

    /** Holdings, caps and balances drawn so that each limit is kept in some books and already broken in others. */
    private static HardLimits randomBook(Random random) {
        BigDecimal equity = money(random, 1_000, 200_000);
        List<HeldPosition> holdings = new ArrayList<>();
        List<InstrumentTerms> instruments = new ArrayList<>();
        BigDecimal gross = BigDecimal.ZERO;
        for (String symbol : SYMBOLS) {
            boolean perpetual = symbol.endsWith("PERP");
            instruments.add(new InstrumentTerms(symbol, symbol.startsWith("DOGE") ? "memes" : "majors",
                    symbol.startsWith("SOL") ? "L1-alt" : "L1", new BigDecimal("10"),
                    perpetual ? InstrumentKind.LINEAR_PERPETUAL : InstrumentKind.SPOT,
                    perpetual ? new BigDecimal("5") : BigDecimal.ONE, random.nextBoolean() ? "binance" : "coinbase"));
            if (random.nextInt(3) == 0) {
                continue;
            }
            BigDecimal position = money(random, 0, 150_000);
            BigDecimal buys = random.nextBoolean() ? money(random, 0, 20_000) : BigDecimal.ZERO;
            BigDecimal sells = random.nextBoolean() ? money(random, 0, 20_000) : BigDecimal.ZERO;
            BigDecimal quantity = position.divide(new BigDecimal("100"));
            boolean shortBook = random.nextInt(4) == 0;
            holdings.add(new HeldPosition(symbol, shortBook ? position.negate() : position, buys, sells,
                    shortBook ? quantity.negate() : quantity));
            gross = gross.add(position).add(buys).add(sells);
        }
        Map<String, BigDecimal> clusters = new LinkedHashMap<>();
        clusters.put("majors", share(random));
        clusters.put("memes", share(random));
        Map<String, BigDecimal> sectors = Map.of("L1", share(random), "L1-alt", share(random));
        BigDecimal marginUsed = money(random, 0, 50_000);
        PortfolioCaps caps = new PortfolioCaps(money(random, 0, 100_000), new BigDecimal(random.nextInt(1, 6)),
                BigDecimal.ONE, new BigDecimal("0.5"), share(random), clusters, sectors,
                new BigDecimal(random.nextInt(0, 2_000)), share(random), money(random, 0, 150_000));
        PortfolioState portfolio = new PortfolioState(equity, marginUsed, money(random, 10_000, 100_000), holdings,
                instruments, random.nextBoolean() ? Map.of("ETH-USD", "HIGH_VOLATILITY") : Map.of(), caps);
        return new HardLimits(money(random, 0, 250_000), gross, money(random, -20_000, 100_000),
                money(random, 0, 30_000), Map.of(), portfolio);
    }

    private static HardLimits withCaps(HardLimits limits, Map<String, BigDecimal> caps) {
        return new HardLimits(limits.maxGrossExposure(), limits.currentGrossExposure(), limits.freeBalance(),
                limits.reservedByOpenOrders(), caps, limits.portfolio());
    }

    private static BigDecimal money(Random random, int low, int high) {
        return BigDecimal.valueOf(random.nextLong(low * 100L, high * 100L + 1), 2);
    }

    private static BigDecimal share(Random random) {
        return BigDecimal.valueOf(random.nextInt(0, 150), 2);
    }
}
