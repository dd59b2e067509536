package dev.arbiter.rules.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.kb.fact.Account;
import dev.arbiter.kb.fact.Exposure;
import dev.arbiter.kb.fact.FeedStatus;
import dev.arbiter.kb.fact.Instrument;
import dev.arbiter.kb.fact.OrderIntent;
import dev.arbiter.kb.fact.Side;
import dev.arbiter.kb.fact.TradingState;
import dev.arbiter.kb.margin.BookFacts;
import dev.arbiter.rules.pack.CompiledRuleSet;
import dev.arbiter.rules.pack.LimitSet;
import dev.arbiter.rules.pack.ParameterSet;
import dev.arbiter.rules.pack.RuleSet;
import dev.arbiter.rules.pack.RuleSetCompiler;
import dev.arbiter.rules.pack.RuleSource;
import dev.arbiter.rules.testing.RuleTestFiles;
import dev.arbiter.rules.testing.RuleTestReport;
import dev.arbiter.rules.testing.RuleTestRunner;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A standing session concludes what a fresh one does, is used again while the book stands, and rebuilt when it moves. */
class StandingSessionsTest {

    private static final CompiledRuleSet SHIPPED = new RuleSetCompiler().compile(RuleSet.shippedDefault());

    @Test
    void checksAgainstAnUnchangedBookUseOneSessionAndConcludeAsFreshSessionsDo() {
        try (StandingSessions sessions = new StandingSessions()) {
            List<Object> book = book(new BigDecimal("100000"), TradingState.ACTIVE);
            for (OrderIntent intent : List.of(intent("i-1", "2", "1630"), intent("i-2", "500", "1630"),
                    intent("i-3", "1", "1000"), intent("i-4", "2", "1631"))) {
                List<Object> facts = with(book, intent);
                SessionResult fresh = new RuleSessionRunner().run(SHIPPED, facts);
                SessionResult standing = sessions.run(SHIPPED, "acct-1", facts);
                assertThat(StandingSessions.agree(fresh, standing)).as(intent.intentId()).isTrue();
                assertThat(standing.proposals()).extracting(p -> p.proposalId()).containsExactly(intent.intentId());
                try (StandingSessions built = new StandingSessions()) {
                    // a replay decides on a session built for it: the same firings, in the same order
                    assertThat(built.run(SHIPPED, "acct-1", facts)).isEqualTo(standing);
                }
            }
            assertThat(sessions.size()).isEqualTo(1);
        }
    }

    @Test
    void theBooksOwnConclusionsComeWithEveryCheckAndAChangedBookIsSeen() {
        try (StandingSessions sessions = new StandingSessions()) {
            OrderIntent intent = intent("i-1", "2", "1630");
            SessionResult active = sessions.run(SHIPPED, "acct-1", with(book(new BigDecimal("100000"), TradingState.ACTIVE), intent));
            SessionResult halted = sessions.run(SHIPPED, "acct-1", with(book(new BigDecimal("100000"), TradingState.HALTED), intent));
            SessionResult haltedAgain = sessions.run(SHIPPED, "acct-1", with(book(new BigDecimal("100000"), TradingState.HALTED), intent));

            assertThat(active.outcomes()).noneMatch(o -> o.reason().code().startsWith("L4-TRADING-STATE"));
            assertThat(halted.outcomes()).anyMatch(o -> o.reason().code().startsWith("L4"));
            assertThat(StandingSessions.agree(halted, haltedAgain)).isTrue();
            assertThat(StandingSessions.agree(halted, new RuleSessionRunner().run(SHIPPED,
                    with(book(new BigDecimal("100000"), TradingState.HALTED), intent)))).isTrue();
        }
    }

    @Test
    void firingsAreNumberedAsOneSessionWouldNumberThem() {
        try (StandingSessions sessions = new StandingSessions()) {
            List<Object> facts = with(book(new BigDecimal("100000"), TradingState.HALTED), intent("i-1", "2", "1630"));
            sessions.run(SHIPPED, "acct-1", facts);
            SessionResult again = sessions.run(SHIPPED, "acct-1", facts);
            assertThat(again.firings()).extracting(Firing::sequence)
                    .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, again.firings().size()).boxed().toList());
        }
    }

    @Test
    void aBookThatMovesIsBroughtUpToDateInItsSessionAndConcludesExactlyAsAFreshSession() {
        BigDecimal full = new BigDecimal("100000");
        List<List<Object>> books = List.of(
                book(full, TradingState.ACTIVE),
                book(full, TradingState.HALTED),                       // a halt concluded from the book
                book(full, TradingState.ACTIVE),                       // and withdrawn again
                withExposure(book(full, TradingState.ACTIVE), "2", "1629.52", "3259.04"),
                withExposure(book(full, TradingState.ACTIVE), "14", "1629.52", "22813.28"),   // held by exposure now
                withExposure(book(new BigDecimal("70000"), TradingState.ACTIVE), "14", "1629.52", "22813.28"),
                withExposure(book(new BigDecimal("70000"), TradingState.REDUCING), "14", "1629.52", "22813.28"),
                book(full, TradingState.ACTIVE));
        try (StandingSessions sessions = new StandingSessions()) {
            int step = 0;
            for (List<Object> book : books) {
                List<Object> facts = BookFacts.complete(with(book, intent("i-" + ++step, "2", "1630")));
                SessionResult updated = sessions.run(SHIPPED, "acct-1", facts);
                assertThat(updated).as("step %d", step).isEqualTo(new RuleSessionRunner().run(SHIPPED, facts));
            }
            assertThat(sessions.rebuilds()).as("sessions built from nothing").isEqualTo(1);
        }
    }

    /** What every test rule set below starts with: its imports, and the rule that turns an intent into a proposal. */
    private static final String INTENTS = """
            package arbiter.test;
            import dev.arbiter.kb.fact.Account;
            import dev.arbiter.kb.fact.Exposure;
            import dev.arbiter.kb.fact.OrderIntent;
            import dev.arbiter.kb.fact.Proposal;
            import dev.arbiter.kb.outcome.Halt;
            import dev.arbiter.kb.outcome.HaltScope;
            import dev.arbiter.rules.dsl.Outcomes;
            import java.math.BigDecimal;

            rule "Intent becomes a proposal"
                @layer("STRATEGY") @reasonCode("S-INTENT")
            when
                $i : OrderIntent()
            then
                insert(Outcomes.fromIntent($i));
            end
            """;

    /** A rule concluding from another's conclusion: what follows a halt that is withdrawn goes with it. */
    private static final String HALTED_FLAGGED = """

            rule "A halted account's proposals are flagged"
                @layer("L4") @reasonCode("L4-HALTED")
            when
                Halt($target : target)
                $p : Proposal(accountId == $target)
            then
                insert(Outcomes.flag(kcontext, $p, "halted"));
            end
            """;

    /** Book-only conclusions through a {@code not}, an {@code accumulate} and a chain of conclusions. */
    private static final String BOOK_CONCLUSIONS = INTENTS + """

            rule "An account without positions is halted"
                @layer("L3") @reasonCode("L3-FLAT")
            when
                Account($id : accountId)
                not Exposure(accountId == $id)
            then
                insert(Outcomes.halt(kcontext, HaltScope.ACCOUNT, $id, "no position"));
            end

            rule "An account holding much is halted"
                @layer("L3") @reasonCode("L3-MUCH")
            when
                Account($id : accountId)
                $held : BigDecimal(compareTo(new BigDecimal("10000")) > 0) from accumulate(
                    Exposure(accountId == $id, $n : positionNotional), sum($n))
            then
                insert(Outcomes.halt(kcontext, HaltScope.ACCOUNT, $id, "holds " + $held));
            end

            """ + HALTED_FLAGGED;

    @Test
    void whatTheBookNoLongerSupportsIsWithdrawnWithEverythingConcludedFromIt() {
        CompiledRuleSet rules = new RuleSetCompiler().compile(RuleSet.of("test",
                List.of(new RuleSource("book-conclusions.drl", BOOK_CONCLUSIONS))));
        BigDecimal full = new BigDecimal("100000");
        List<List<Object>> books = List.of(
                book(full, TradingState.ACTIVE),                                          // flat: halted
                withExposure(book(full, TradingState.ACTIVE), "2", "1629.52", "3259.04"),  // not flat, not much
                withExposure(book(full, TradingState.ACTIVE), "7", "1629.52", "11406.64"), // much: the sum moved
                withExposure(book(full, TradingState.ACTIVE), "8", "1629.52", "13036.16"), // still much, held anew
                book(full, TradingState.ACTIVE));                                          // flat again
        try (StandingSessions sessions = new StandingSessions()) {
            int step = 0;
            for (List<Object> book : books) {
                List<Object> facts = with(book, intent("i-" + ++step, "2", "1630"));
                SessionResult fresh = new RuleSessionRunner().run(rules, facts);
                assertThat(sessions.run(rules, "acct-1", facts)).as("step %d", step).isEqualTo(fresh);
                assertThat(sessions.run(rules, "acct-1", facts)).as("step %d again", step).isEqualTo(fresh);
            }
            assertThat(sessions.rebuilds()).isEqualTo(1);
        }
    }

    /** A book conclusion that a check's own facts take away. */
    private static final String FRAGILE = INTENTS + """

            rule "An account nobody trades is halted"
                @layer("L3") @reasonCode("L3-IDLE")
            when
                Account($id : accountId)
                not OrderIntent(accountId == $id)
            then
                insert(Outcomes.halt(kcontext, HaltScope.ACCOUNT, $id, "idle"));
            end

            """ + HALTED_FLAGGED;

    private static final String FAILING = INTENTS + """

            rule "Equity below one divides by zero"
                @layer("L3") @reasonCode("L3-BROKEN")
            when
                Account(equity < 1, $e : equity)
            then
                insert(Outcomes.halt(kcontext, HaltScope.ACCOUNT, "x", "" + BigDecimal.ONE.divide($e.subtract($e))));
            end
            """;

    @Test
    void aCheckWhoseOwnFactsWithdrawABookConclusionIsDecidedAfreshAndTheBookIsBuiltAgain() {
        CompiledRuleSet rules = new RuleSetCompiler().compile(RuleSet.of("test",
                List.of(new RuleSource("fragile.drl", FRAGILE))));
        List<Object> book = book(new BigDecimal("100000"), TradingState.ACTIVE);
        try (StandingSessions sessions = new StandingSessions()) {
            for (String id : List.of("i-1", "i-2")) {
                List<Object> facts = with(book, intent(id, "2", "1630"));
                SessionResult fresh = new RuleSessionRunner().run(rules, facts);
                assertThat(fresh.outcomes()).as("the idle halt is gone once an intent is there").isEmpty();
                assertThat(sessions.run(rules, "acct-1", facts)).isEqualTo(fresh);
            }
            assertThat(sessions.rebuilds()).as("the session the intent disturbed is not kept").isEqualTo(2);
        }
    }

    @Test
    void aBookThatMakesARuleFailIsDecidedAsAFreshSessionDecidesItAndABookThatDoesNotIsSessionedAgain() {
        CompiledRuleSet rules = new RuleSetCompiler().compile(RuleSet.of("test",
                List.of(new RuleSource("failing.drl", FAILING))));
        try (StandingSessions sessions = new StandingSessions()) {
            for (String equity : List.of("100000", "0.5", "100000", "90000")) {
                List<Object> facts = with(book(new BigDecimal(equity), TradingState.ACTIVE), intent("i-1", "2", "1630"));
                assertThat(sessions.run(rules, "acct-1", facts)).as("equity %s", equity)
                        .isEqualTo(new RuleSessionRunner().run(rules, facts));
            }
            // built for the first book, failed on the second (decided fresh, nothing kept), built for the third,
            // brought up to date for the fourth
            assertThat(sessions.rebuilds()).isEqualTo(3);
        }
    }

    /** Fresh: the intent's flag fires before the late halt exists; standing: the halt is already there. */
    private static final String ORDER_DEPENDENT = INTENTS + """

            rule "Flags a proposal while nothing is halted"
                @layer("L1") @reasonCode("L1-UNHALTED") salience 10
            when
                $p : Proposal()
                not Halt()
            then
                insert(Outcomes.flag(kcontext, $p, "nothing halted yet"));
            end

            rule "Halts every account, last"
                @layer("L4") @reasonCode("L4-LATE-HALT") salience -10
            when
                Account($id : accountId)
            then
                insert(Outcomes.halt(kcontext, HaltScope.ACCOUNT, $id, "late"));
            end
            """;

    @Test
    void aRuleSetWhoseOutcomeDependsOnWhichRuleFiresFirstFailsItsTests() {
        CompiledRuleSet rules = new RuleSetCompiler().compile(RuleSet.of("test",
                List.of(new RuleSource("order-dependent.drl", ORDER_DEPENDENT))));
        Map<String, String> files = new LinkedHashMap<>();
        files.put(RuleTestFiles.BACKGROUND, """
                facts:
                  - Account: {accountId: acct-1, equity: 100000, freeBalance: 60000, highWaterMark: 100000, dailyPnl: 0, state: ACTIVE}
                """);
        files.put("l1/x.test.yaml", """
                cases:
                  - name: an intent while the late halt has not fired
                    given:
                      - OrderIntent: {intentId: i-1, accountId: acct-1, symbol: ETH-USD, side: BUY, quantity: 1, limitPrice: 1630, strategy: s, conviction: 0.5}
                    expect:
                      fired: [L1-UNHALTED, L4-LATE-HALT]
                """);

        RuleTestReport report = new RuleTestRunner().run(rules, List.of(), RuleTestFiles.fromFiles(files));

        assertThat(report.results()).singleElement().satisfies(r -> assertThat(r.failures()).singleElement()
                .asString().startsWith("the rules conclude otherwise when the book's conclusions are drawn before the check's own facts arrive (standing session built for the case)")
                .contains("a rule probably depends on which rule fires first"));
    }

    private static List<Object> book(BigDecimal equity, TradingState state) {
        List<Object> facts = new ArrayList<>(LimitSet.shippedDefault().facts());
        facts.addAll(ParameterSet.shippedDefault().facts());
        facts.add(new Account("acct-1", equity, new BigDecimal("60000"), new BigDecimal("100000"), BigDecimal.ZERO, state));
        facts.add(new Instrument("ETH-USD", "v", "majors", new BigDecimal("0.01"), new BigDecimal("0.01"), BigDecimal.TEN,
                new BigDecimal("1000000")));
        facts.add(new FeedStatus("ETH-USD", Instant.parse("2023-03-15T18:20:00Z"), new BigDecimal("1629.52"), 30, 580));
        return facts;
    }

    private static List<Object> withExposure(List<Object> book, String quantity, String mark, String notional) {
        List<Object> facts = new ArrayList<>(book);
        facts.add(facts.size() - 2, new Exposure("acct-1", "ETH-USD", new BigDecimal(quantity), new BigDecimal(mark),
                new BigDecimal(notional), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, null, null));
        return facts;
    }

    private static List<Object> with(List<Object> book, Object check) {
        List<Object> facts = new ArrayList<>(book);
        facts.add(check);
        return facts;
    }

    private static OrderIntent intent(String id, String quantity, String price) {
        return new OrderIntent(id, "acct-1", "ETH-USD", Side.BUY, new BigDecimal(quantity), new BigDecimal(price),
                new BigDecimal("1600"), "s", 0.5);
    }
}
