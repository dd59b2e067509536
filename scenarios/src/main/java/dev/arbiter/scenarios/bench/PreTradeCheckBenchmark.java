package dev.arbiter.scenarios.bench;

import dev.arbiter.kb.fact.OpenOrder;
import dev.arbiter.kb.fact.OrderIntent;
import dev.arbiter.kb.fact.Side;
import dev.arbiter.rules.pack.CompiledRuleSet;
import dev.arbiter.rules.pack.RuleSet;
import dev.arbiter.rules.pack.RuleSetCompiler;
import dev.arbiter.rules.session.RuleSessionRunner;
import dev.arbiter.rules.session.SessionResult;
import dev.arbiter.rules.session.StandingSessions;
import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A pre-trade check of one order intent through all seven risk layers against a realistic book
 * ({@link PreTradeBook}: 50 instruments, 100 positions, 20 open orders), once with the shipped rule set
 * in a fresh Drools session ({@link RuleSessionRunner}, as the engine runs it) and once as plain Java
 * ({@link PlainJavaPreTradeCheck}), so the ratio shows what the rules engine costs.
 *
 * <p>The intent passes every layer, so no check stops early. SampleTime gives the latency distribution
 * (median, p99), Throughput the checks per second on one thread. Results and the command are in
 * {@code docs/benchmarks.md}.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.SampleTime, Mode.Throughput})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "--enable-native-access=ALL-UNNAMED"})
public class PreTradeCheckBenchmark {

    /** Seed of the book's random generator: the same seed gives the same book. */
    @Param("20230315")
    long seed;

    private CompiledRuleSet ruleSet;
    private final RuleSessionRunner runner = new RuleSessionRunner();
    private final StandingSessions standing = new StandingSessions();
    private final PlainJavaPreTradeCheck plainJava = new PlainJavaPreTradeCheck();
    private List<Object> facts;
    /** The same check after an earlier order of the account was approved: its book moved by a handful of facts. */
    private List<Object> factsAfterOrder;
    private final StandingSessions moving = new StandingSessions();
    private boolean moved;
    private PlainJavaPreTradeCheck.Book indexedBook;

    @Setup
    public void setUp() {
        PreTradeBook book = PreTradeBook.generate(new SplittableRandom(seed));
        OrderIntent intent = book.passingIntent();
        facts = book.factsWith(List.of(intent));
        ruleSet = new RuleSetCompiler().compile(RuleSet.shippedDefault());
        indexedBook = PlainJavaPreTradeCheck.Book.index(facts);
        factsAfterOrder = book.withWorkingOrder(new OpenOrder("o-200", PreTradeBook.ACCOUNT, "ETH-USD", Side.BUY,
                BigDecimal.ONE, new BigDecimal("1629.00"))).factsWith(List.of(intent));

        // Both sides must let the intent through untouched, or the benchmark measures the wrong thing.
        SessionResult drools = runner.run(ruleSet, facts);
        if (drools.fault() != null || !drools.outcomes().isEmpty() || drools.proposals().size() != 1) {
            throw new IllegalStateException("the benchmark intent " + intent.intentId() + " must pass every layer with"
                    + " no other proposal, but Drools gave proposals " + drools.proposals() + ", outcomes "
                    + drools.outcomes() + ", fault " + drools.fault() + ". Maybe the shipped limits changed:"
                    + " adjust PreTradeBook so the intent fits them again");
        }
        if (!StandingSessions.agree(drools, standing.run(ruleSet, "acct-1", facts))
                || !StandingSessions.agree(drools, standing.run(ruleSet, "acct-1", facts))) {
            throw new IllegalStateException("the standing session concludes otherwise than a fresh one");
        }
        SessionResult afterOrder = runner.run(ruleSet, factsAfterOrder);
        if (afterOrder.fault() != null || !afterOrder.outcomes().isEmpty() || afterOrder.proposals().size() != 1) {
            throw new IllegalStateException("the benchmark intent must pass every layer after the earlier order too,"
                    + " but Drools gave outcomes " + afterOrder.outcomes());
        }
        for (int i = 0; i < 4; i++) {
            boolean after = i % 2 == 0;
            if (!moving.run(ruleSet, "acct-1", after ? factsAfterOrder : facts).equals(after ? afterOrder : drools)) {
                throw new IllegalStateException("the standing session, brought up to date, concludes otherwise than a"
                        + " fresh one");
            }
        }
        PlainJavaPreTradeCheck.Verdict verdict = plainJava.check(facts);
        if (!verdict.findings().isEmpty() || !verdict.proposals().equals(drools.proposals())) {
            throw new IllegalStateException("plain Java disagrees with Drools on the benchmark intent: findings "
                    + verdict.findings() + ", proposals " + verdict.proposals());
        }
    }

    /** The whole pre-trade check as the engine runs it: a fresh session, every fact inserted, all rules fired. */
    @Benchmark
    public SessionResult drools() {
        return runner.run(ruleSet, facts);
    }

    /**
     * The check as the gate runs it against an unchanged book: the account's standing session, the intent inserted,
     * fired and taken back out (the book's facts compared with the session's to know it is unchanged).
     */
    @Benchmark
    public SessionResult droolsStanding() {
        return standing.run(ruleSet, "acct-1", facts);
    }

    /**
     * The check as the gate runs it when the account's book moved since its last check, as every approved order moves
     * it (a working order more, its instrument's exposure, the order count, the portfolio's sums): the standing
     * session is brought up to date by those facts, then checks. The book alternates between before and after the
     * earlier order, so every call moves it.
     */
    @Benchmark
    public SessionResult droolsStandingBookMoved() {
        moved = !moved;
        return moving.run(ruleSet, "acct-1", moved ? factsAfterOrder : facts);
    }

    @TearDown
    public void tearDown() {
        standing.close();
        moving.close();
    }

    /** The same checks in plain Java from the same fact list (indexing it is part of the work). */
    @Benchmark
    public PlainJavaPreTradeCheck.Verdict plainJava() {
        return plainJava.check(facts);
    }

    /** The same checks in plain Java against a book indexed once beforehand, as a trading system keeps it. */
    @Benchmark
    public PlainJavaPreTradeCheck.Verdict plainJavaPreIndexed() {
        return plainJava.check(indexedBook);
    }
}
