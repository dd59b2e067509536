package dev.arbiter.engine.decision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.kb.fact.Account;
import dev.arbiter.kb.fact.Instrument;
import dev.arbiter.kb.fact.InstrumentKind;
import dev.arbiter.kb.fact.OpenOrder;
import dev.arbiter.kb.fact.OrderIntent;
import dev.arbiter.kb.fact.Position;
import dev.arbiter.kb.fact.Proposal;
import dev.arbiter.kb.fact.Side;
import dev.arbiter.kb.fact.TradingState;
import dev.arbiter.kb.margin.BookRisk;
import dev.arbiter.kb.margin.Holding;
import dev.arbiter.kb.margin.PendingOrder;
import dev.arbiter.reasoning.proof.LimitProver;
import dev.arbiter.reasoning.proof.OrderToProve;
import dev.arbiter.reasoning.proof.ProofVerdict;
import dev.arbiter.rules.pack.CompiledRuleSet;
import dev.arbiter.rules.pack.InstrumentSet;
import dev.arbiter.rules.pack.LimitSet;
import dev.arbiter.rules.pack.ParameterSet;
import dev.arbiter.rules.pack.RuleSet;
import dev.arbiter.rules.pack.RuleSetCompiler;
import dev.arbiter.solver.AllocationCandidate;
import dev.arbiter.solver.AllocationProblem;
import dev.arbiter.solver.AllocatorSettings;
import dev.arbiter.solver.CapitalAllocator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * One exposure and margin model: over thousands of random books (spot and perpetuals, long and short, with working
 * orders), an order of one size passes the rules' portfolio limits exactly when the sizer finds that size feasible
 * and exactly when the proof holds for it. The three read the same figures, so they cannot disagree.
 */
class BookAgreementTest {

    /** The limits the rules, the sizer and the proof all hold an order to. */
    static final Set<String> SHARED = Set.of("L2-GROSS-EXPOSURE", "L2-NET-EXPOSURE", "L2-INSTRUMENT-SHARE",
            "L2-CLUSTER-SHARE", "L2-VENUE-EXPOSURE", "L1-LEVERAGE", "L1-LEVERAGE-STRESSED", "L3-FREE-BALANCE",
            "L1-MAX-POSITION", "L1-MIN-NOTIONAL");
    private static final Instant AS_OF = Instant.parse("2024-03-01T12:00:00Z");
    private static final InstrumentSet LISTED = InstrumentSet.shippedDefault();
    private static final Map<String, BigDecimal> PRICES = Map.of("BTC-USD", new BigDecimal("30000"),
            "ETH-USD", new BigDecimal("2000"), "SOL-USD", new BigDecimal("100"),
            "BTC-USDT-PERP", new BigDecimal("30010"), "ETH-USDT-PERP", new BigDecimal("2001"));
    private static final int BOOKS = 2_000;

    @Test
    void theRulesTheSizerAndTheProofAgreeOnEveryRandomBook() {
        Random random = new Random(15);
        CapitalAllocator sizer = new CapitalAllocator(AllocatorSettings.defaults());
        LimitProver prover = new LimitProver(Duration.ofSeconds(5));
        List<String> disagreements = new ArrayList<>();
        Map<String, Integer> stoppedBy = new java.util.TreeMap<>();
        int passed = 0;
        int stopped = 0;
        int futures = 0;
        int shorts = 0;
        CompiledRuleSet ruleSet = new RuleSetCompiler().compile(RuleSet.shippedDefault());
        try (DecisionPipeline pipeline = DecisionPipeline.withShippedDefaults()) {
            for (int book = 0; book < BOOKS; book++) {
                DecisionRequest request = randomBook(random, book);
                OrderIntent intent = request.intents().getFirst();
                RuleRelease release = new RuleRelease(ruleSet, randomLimits(random, request.account().equity()),
                        ParameterSet.shippedDefault(), LISTED);
                DecisionResult result = pipeline.decide("agree-" + book, request, release);
                DecisionTrace trace = result.trace();
                Proposal proposal = trace.proposals().stream()
                        .filter(p -> p.proposalId().equals(intent.intentId())).findFirst().orElseThrow();
                BigDecimal q = proposal.quantity();

                boolean rules = rulesLetThrough(trace, proposal.proposalId(), q);
                Instrument instrument = LISTED.require(proposal.symbol());
                AllocationProblem atSize = trace.allocationProblem().withCandidates(List.of(
                        new AllocationCandidate(proposal, q, instrument.lotSize(), List.of())));
                long lots = q.divide(instrument.lotSize(), 0, RoundingMode.UNNECESSARY).longValueExact();
                boolean solver = sizer.scoreOf(atSize, new long[] {lots}).hardScore() == 0;
                boolean proof = prover.prove(List.of(new OrderToProve(proposal.proposalId(), proposal.symbol(),
                                proposal.side(), q, proposal.price())),
                        DecisionPipeline.hardLimits(atSize, Map.of(proposal.proposalId(), q))).verdict()
                        == ProofVerdict.PROVED;
                if (rules != solver || solver != proof) {
                    disagreements.add("book " + book + ": rules " + rules + ", sizer " + solver + ", proof " + proof
                            + "; " + intent.side() + " " + q + " " + intent.symbol() + " @ " + intent.limitPrice()
                            + "; fired " + trace.outcomes().stream().filter(o -> SHARED.contains(o.reason().code()))
                            .map(o -> o.reason().code() + ": " + o.reason().message()).toList()
                            + "; limits " + release.limits().values() + "; account " + request.account() + "; positions " + request.positions()
                            + "; working " + request.openOrders());
                }
                if (rules) {
                    passed++;
                } else {
                    stopped++;
                    trace.outcomes().stream().filter(o -> proposal.proposalId().equals(o.proposalId())
                                    && SHARED.contains(o.reason().code()))
                            .forEach(o -> stoppedBy.merge(o.reason().code(), 1, Integer::sum));
                }
                if (LISTED.require(intent.symbol()).kind() == InstrumentKind.LINEAR_PERPETUAL) {
                    futures++;
                }
                if (request.positions().stream().anyMatch(p -> p.quantity().signum() < 0)) {
                    shorts++;
                }
            }
        }
        assertThat(disagreements).as("books where the rules, the sizer and the proof disagree").isEmpty();
        // the books exercise both answers, futures and shorts, so the agreement is not vacuous
        assertThat(passed).isGreaterThan(BOOKS / 6);
        assertThat(stopped).isGreaterThan(BOOKS / 5);
        assertThat(futures).isGreaterThan(BOOKS / 5);
        assertThat(shorts).isGreaterThan(BOOKS / 10);
        assertThat(stoppedBy).as("the limits that stopped orders").containsKeys("L2-GROSS-EXPOSURE", "L2-NET-EXPOSURE",
                "L2-INSTRUMENT-SHARE", "L2-CLUSTER-SHARE", "L2-VENUE-EXPOSURE", "L1-LEVERAGE", "L3-FREE-BALANCE");
    }

    /** No shared-limit rule rejects the order, and none caps it below its size. */
    private static boolean rulesLetThrough(DecisionTrace trace, String proposalId, BigDecimal quantity) {
        return trace.outcomes().stream()
                .filter(o -> proposalId.equals(o.proposalId()) && SHARED.contains(o.reason().code()))
                .noneMatch(o -> o.maxQuantity() == null || o.maxQuantity().compareTo(quantity) < 0);
    }

    /** Limits drawn around the account's size, so that each of them binds in some books and not in others. */
    private static LimitSet randomLimits(Random random, BigDecimal size) {
        return LimitSet.shippedDefault()
                .with("max-gross-exposure", scaled(size, 0.3 + random.nextDouble() * 3))
                .with("max-net-exposure", scaled(size, 0.2 + random.nextDouble() * 2))
                .with("max-leverage", BigDecimal.valueOf(0.5 + random.nextDouble() * 3).setScale(2, RoundingMode.HALF_EVEN))
                .with("max-instrument-share", BigDecimal.valueOf(0.1 + random.nextDouble() * 0.6)
                        .setScale(2, RoundingMode.HALF_EVEN))
                .with("max-cluster-share", BigDecimal.valueOf(0.2 + random.nextDouble() * 0.9)
                        .setScale(2, RoundingMode.HALF_EVEN))
                .with("max-venue-exposure", scaled(size, 0.4 + random.nextDouble() * 3))
                .with("max-order-value", scaled(size, 10))
                .with("max-order-quantity", new BigDecimal("100000"))
                .with("max-position-quantity", new BigDecimal("100000"))
                .with("margin-rate", random.nextBoolean() ? BigDecimal.ONE : new BigDecimal("0.5"));
    }

    private static BigDecimal scaled(BigDecimal cash, double factor) {
        return cash.multiply(BigDecimal.valueOf(factor)).setScale(0, RoundingMode.HALF_EVEN);
    }

    /** A consistent book: equity and wallet as the margin model measures them, calm bars at every mark. */
    private static DecisionRequest randomBook(Random random, int book) {
        List<String> symbols = List.copyOf(new java.util.TreeSet<>(PRICES.keySet()));
        // positions and orders are sized on the account's base; its cash may be anything from 2 % of it up
        BigDecimal base = BigDecimal.valueOf(20_000 + random.nextInt(180_000));
        BigDecimal cash = base.multiply(BigDecimal.valueOf(0.02 + 0.98 * random.nextDouble()))
                .setScale(2, RoundingMode.HALF_EVEN);
        List<Position> positions = new ArrayList<>();
        List<OpenOrder> working = new ArrayList<>();
        for (String symbol : symbols) {
            Instrument instrument = LISTED.require(symbol);
            BigDecimal price = PRICES.get(symbol);
            if (random.nextDouble() < 0.5) {
                boolean shortable = instrument.kind().shortable();
                double share = random.nextDouble() * 0.4;
                BigDecimal quantity = lots(base.multiply(BigDecimal.valueOf(share)).divide(price, 8, RoundingMode.DOWN),
                        instrument.lotSize());
                if (shortable && random.nextBoolean()) {
                    quantity = quantity.negate();
                }
                BigDecimal entry = price.multiply(BigDecimal.valueOf(0.9 + random.nextDouble() * 0.2))
                        .setScale(2, RoundingMode.HALF_EVEN);
                if (quantity.signum() != 0) {
                    positions.add(new Position("acct-1", symbol, quantity, entry));
                }
            }
            if (random.nextDouble() < 0.25) {
                BigDecimal quantity = lots(base.multiply(BigDecimal.valueOf(random.nextDouble() * 0.1))
                        .divide(price, 8, RoundingMode.DOWN), instrument.lotSize());
                if (quantity.signum() > 0) {
                    Side side = instrument.kind().shortable() || random.nextBoolean() ? Side.values()[random.nextInt(2)]
                            : Side.BUY;
                    working.add(new OpenOrder("w-" + symbol, "acct-1", symbol, side, quantity,
                            price.multiply(side == Side.BUY ? new BigDecimal("0.99") : new BigDecimal("1.01"))
                                    .setScale(2, RoundingMode.HALF_EVEN)));
                }
            }
        }
        Map<String, BigDecimal> marks = new LinkedHashMap<>(PRICES);
        List<Holding> holdings = positions.stream()
                .map(p -> new Holding(p.symbol(), p.quantity(), p.averagePrice(), null)).toList();
        BookRisk risk = BookRisk.measure(cash, holdings,
                working.stream().map(o -> new PendingOrder(o.symbol(), o.side(), o.quantity(), o.price())).toList(),
                marks, LISTED::listingOf);
        BigDecimal equity = risk.equity().max(BigDecimal.ONE).setScale(2, RoundingMode.HALF_EVEN);
        Account account = new Account("acct-1", equity, cash, equity, BigDecimal.ZERO, TradingState.ACTIVE);

        String symbol = symbols.get(random.nextInt(symbols.size()));
        Instrument instrument = LISTED.require(symbol);
        BigDecimal price = PRICES.get(symbol);
        Side side = Side.values()[random.nextInt(2)];
        if (!instrument.kind().shortable() && side == Side.SELL) {
            BigDecimal held = positions.stream().filter(p -> p.symbol().equals(symbol)).map(Position::quantity)
                    .findFirst().orElse(BigDecimal.ZERO);
            side = held.signum() > 0 ? Side.SELL : Side.BUY;
        }
        BigDecimal quantity = lots(base.multiply(BigDecimal.valueOf(0.01 + random.nextDouble() * 0.4))
                .divide(price, 8, RoundingMode.DOWN), instrument.lotSize()).max(instrument.lotSize());
        BigDecimal stop = price.multiply(side == Side.BUY ? new BigDecimal("0.97") : new BigDecimal("1.03"))
                .setScale(2, RoundingMode.HALF_EVEN);
        OrderIntent intent = new OrderIntent("i-" + book, "acct-1", symbol, side, quantity, price, stop, "client", 0.5);

        List<Instrument> instruments = symbols.stream().map(LISTED::require).toList();
        List<MarketSeries> bars = symbols.stream().map(s -> calmBars(s, PRICES.get(s))).toList();
        return new DecisionRequest("agree-" + book, AS_OF, account, positions, working, instruments, bars, List.of(),
                List.of(), List.of(intent), RiskContext.NONE);
    }

    private static BigDecimal lots(BigDecimal quantity, BigDecimal lot) {
        return quantity.divide(lot, 0, RoundingMode.DOWN).multiply(lot);
    }

    /** Sixty five-minute bars that wobble a tenth of a percent around the price and close on it. */
    private static MarketSeries calmBars(String symbol, BigDecimal price) {
        List<MarketSeries.Row> rows = new ArrayList<>();
        Instant start = AS_OF.minus(Duration.ofMinutes(5 * 60));
        for (int i = 0; i < 60; i++) {
            BigDecimal wobble = BigDecimal.ONE.add(BigDecimal.valueOf((i % 3 - 1) * 0.0005));
            BigDecimal close = i == 59 ? price : price.multiply(wobble).setScale(2, RoundingMode.HALF_EVEN);
            BigDecimal high = close.multiply(new BigDecimal("1.0005")).setScale(2, RoundingMode.HALF_EVEN);
            BigDecimal low = close.multiply(new BigDecimal("0.9995")).setScale(2, RoundingMode.HALF_EVEN);
            rows.add(new MarketSeries.Row(start.plus(Duration.ofMinutes(5L * i)), close, high, low, close,
                    BigDecimal.TEN));
        }
        return new MarketSeries(symbol, Duration.ofMinutes(5), rows);
    }
}
