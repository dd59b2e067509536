package dev.arbiter.engine.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.engine.decision.ClientRequest;
import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.engine.decision.DecisionResult;
import dev.arbiter.engine.decision.DecisionStatus;
import dev.arbiter.engine.decision.InvalidRequestException;
import dev.arbiter.engine.decision.ProposalVerdict;
import dev.arbiter.engine.json.CanonicalJson;
import dev.arbiter.kb.fact.Bar;
import dev.arbiter.kb.fact.Exposure;
import dev.arbiter.kb.fact.MarginMode;
import dev.arbiter.kb.fact.OrderIntent;
import dev.arbiter.kb.fact.Side;
import dev.arbiter.mlbridge.indicators.IndicatorFacts;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Decisions from the engine's own figures, through the real pipeline (Drools, Timefold, Z3, Prolog) over real
 * ETH-USD bars: a client's claims change nothing, approvals work as orders, and the engine counts and remembers.
 */
class EngineDecisionsTest {

    private static final Instant AS_OF = Instant.parse("2023-03-15T13:35:30Z");
    private static DecisionPipeline pipeline;

    private TradingCore core;
    private EngineDecisions decisions;
    private int sequence;

    @BeforeAll
    static void pipeline() {
        pipeline = DecisionPipeline.withShippedDefaults();
    }

    @AfterAll
    static void close() {
        pipeline.close();
    }

    @BeforeEach
    void desk() {
        core = new TradingCore(new InMemoryJournal(), StateSettings.DEFAULTS, IndicatorFacts.DEFAULT_SET);
        decisions = new EngineDecisions(core);
        for (Bar bar : EthUsd.barsUntil(AS_OF)) {
            core.bar(bar);
        }
        core.submit(new AccountEvent.Opened("acct-1", Instant.parse("2023-03-15T00:00:00Z"), new BigDecimal("100000"), null), null);
    }

    private DecisionResult decide(ClientRequest.ClaimedAccount account, Instant asOf, OrderIntent... intents) {
        ClientRequest request = new ClientRequest("r-" + (++sequence), asOf, account, null, null, null, null, null, null,
                List.of(intents), null);
        return decisions.decide("dec-" + sequence, request, pipeline, EthUsd.LISTED);
    }

    private static ClientRequest.ClaimedAccount slim() {
        return new ClientRequest.ClaimedAccount("acct-1", null, null, null, null, null);
    }

    private static OrderIntent buy(String id, String quantity, String limit) {
        return new OrderIntent(id, "acct-1", "ETH-USD", Side.BUY, new BigDecimal(quantity), new BigDecimal(limit),
                new BigDecimal("1600"), "client", 0.6);
    }

    private void losingRoundTrip() {
        core.submit(new AccountEvent.Filled("acct-1", Instant.parse("2023-03-15T13:00:00Z"), "f-1", null, "ETH-USD",
                Side.BUY, BigDecimal.TEN, new BigDecimal("1700"), BigDecimal.ZERO, false, true), "f-1");
        core.submit(new AccountEvent.Filled("acct-1", Instant.parse("2023-03-15T13:20:00Z"), "f-2", null, "ETH-USD",
                Side.SELL, BigDecimal.TEN, new BigDecimal("1450"), BigDecimal.ZERO, false, true), "f-2");
    }

    private static ProposalVerdict verdict(DecisionResult result, String proposalId) {
        return result.decision().proposals().stream().filter(p -> p.proposalId().equals(proposalId)).findFirst().orElseThrow();
    }

    private static dev.arbiter.engine.decision.Order order(DecisionResult result, String proposalId) {
        return result.decision().orders().stream().filter(o -> o.proposalId().equals(proposalId)).findFirst().orElseThrow();
    }

    @Test
    void afterALosingRoundTripTheNextBuyIsRejectedByTheDailyLossLimit() {
        losingRoundTrip();
        assertThat(core.account("acct-1").equity()).isEqualByComparingTo("97500");
        assertThat(core.account("acct-1").dailyPnl()).isEqualByComparingTo("-2500");
        DecisionResult result = decide(slim(), AS_OF, buy("i-1", "1", "1690"));
        assertThat(result.decision().status()).isEqualTo(DecisionStatus.REJECTED);
        assertThat(verdict(result, "i-1").reasonCodes()).contains("L3-DAILY-LOSS");
        assertThat(result.trace().request().account().dailyPnl()).isEqualByComparingTo("-2500");
        assertThat(result.trace().request().state().breaks()).isEmpty();
    }

    @Test
    void aClientClaimingNoLossAndAMillionInEquityIsRecordedAsABreakAndChangesNothing() {
        losingRoundTrip();
        DecisionResult result = decide(new ClientRequest.ClaimedAccount("acct-1", new BigDecimal("1000000"), null, null,
                BigDecimal.ZERO, null), AS_OF, buy("i-1", "1", "1690"));
        assertThat(result.decision().status()).isEqualTo(DecisionStatus.REJECTED);
        assertThat(verdict(result, "i-1").reasonCodes()).contains("L3-DAILY-LOSS");
        assertThat(result.trace().request().state().breaks()).extracting(b -> b.field() + " " + b.claimed() + " vs " + b.engine())
                .containsExactly("account.equity 1000000.00 vs 97500.00", "account.dailyPnl 0.00 vs -2500.00");
        assertThat(result.trace().request().account().equity()).isEqualByComparingTo("97500");
    }

    @Test
    void aSecondCheckSeesTheFirstsApprovalAsWorkingAndGetsOnlyTheHeadroomLeft() {
        DecisionResult first = decide(slim(), AS_OF, buy("i-1", "2", "1690"));
        assertThat(order(first, "i-1").quantity()).isPositive();
        assertThat(core.account("acct-1").workingOrders()).extracting(o -> o.orderId())
                .containsExactlyElementsOf(first.decision().orders().stream().map(o -> o.orderId()).toList());
        BigDecimal working = first.decision().orders().stream().map(o -> o.notional()).reduce(BigDecimal.ZERO, BigDecimal::add);
        DecisionResult second = decide(slim(), AS_OF.plusSeconds(1), buy("i-2", "10", "1690"));
        // max-gross-exposure 25,000 less what the first decision left working
        assertThat(second.trace().request().openOrders()).hasSize(first.decision().orders().size());
        BigDecimal headroom = new BigDecimal("25000").subtract(working);
        BigDecimal sent = second.decision().orders().stream().map(o -> o.notional()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sent).isPositive().isLessThanOrEqualTo(headroom);
        assertThat(order(second, "i-2").quantity()).isLessThan(BigDecimal.TEN);
    }

    @Test
    void theEngineCountsOrdersForTheRateLimit() {
        for (int i = 0; i < 10; i++) {
            core.decide("acct-1", AS_OF.minusSeconds(30), s -> new TradingCore.Decided<>(null, "bulk", AS_OF.minusSeconds(30),
                    java.util.stream.IntStream.range(0, 10).mapToObj(k -> new AccountEvent.ApprovedOrder("bulk-" + System.nanoTime() + "-" + k,
                            "ETH-USD", Side.BUY, new BigDecimal("0.01"), new BigDecimal("1000"), null)).toList(), List.of()));
        }
        DecisionResult result = decide(slim(), AS_OF, buy("i-1", "1", "1690"));
        assertThat(result.trace().request().context().activity().ordersInWindow()).isEqualTo(100);
        assertThat(verdict(result, "i-1").reasonCodes()).contains("L6-ORDER-RATE");
    }

    @Test
    void aStopLossStreakFromTheEnginesClosedPositionsTriggersTheCooldown() {
        for (int i = 0; i < 3; i++) {
            Instant t = Instant.parse("2023-03-15T13:00:00Z").plusSeconds(300L * i);
            core.submit(new AccountEvent.Filled("acct-1", t, "in-" + i, null, "ETH-USD", Side.BUY, BigDecimal.ONE,
                    new BigDecimal("1700"), BigDecimal.ZERO, false, true), "in-" + i);
            core.submit(new AccountEvent.Filled("acct-1", t.plusSeconds(60), "out-" + i, null, "ETH-USD", Side.SELL,
                    BigDecimal.ONE, new BigDecimal("1690"), BigDecimal.ZERO, true, true), "out-" + i);
        }
        DecisionResult result = decide(slim(), AS_OF, buy("i-1", "1", "1690"));
        assertThat(verdict(result, "i-1").reasonCodes()).contains("L7-STOPLOSS-COOLDOWN");
    }

    @Test
    void aLargeLossFromTheEnginesClosedPositionsTriggersTheCooldown() {
        core.submit(new AccountEvent.Filled("acct-1", Instant.parse("2023-03-14T12:00:00Z").plusSeconds(86_400 - 3_600), "in",
                null, "ETH-USD", Side.BUY, new BigDecimal("40"), new BigDecimal("1700"), BigDecimal.ZERO, false, true), "in");
        core.submit(new AccountEvent.Filled("acct-1", Instant.parse("2023-03-15T12:00:00Z"), "out", null, "ETH-USD",
                Side.SELL, new BigDecimal("40"), new BigDecimal("1570"), BigDecimal.ZERO, false, true), "out");
        DecisionResult result = decide(slim(), AS_OF, buy("i-1", "1", "1690"));
        assertThat(verdict(result, "i-1").reasonCodes()).contains("L7-LOSS-COOLDOWN");
    }

    @Test
    void aLossBeforeTheDayBoundaryDoesNotBlockAfterIt() {
        losingRoundTrip();
        Instant nextDay = Instant.parse("2023-03-16T00:10:00Z");
        core.bar(new Bar("ETH-USD", Instant.parse("2023-03-16T00:00:00Z"), java.time.Duration.ofMinutes(5),
                new BigDecimal("1680"), new BigDecimal("1690"), new BigDecimal("1675"), new BigDecimal("1685"), BigDecimal.TEN));
        DecisionResult result = decide(slim(), nextDay, buy("i-1", "1", "1690"));
        assertThat(result.trace().request().account().dailyPnl()).isEqualByComparingTo("0");
        assertThat(verdict(result, "i-1").reasonCodes()).doesNotContain("L3-DAILY-LOSS");
    }

    @Test
    void theOldContextStateIsRefusedSayingWhereItComesFromNow() {
        assertThatThrownBy(() -> new ClientRequest("r", AS_OF, slim(), null, null, null, null, null, null, List.of(),
                Map.of("killSwitch", Map.of("engaged", false))))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("context.killSwitch").hasMessageContaining("POST /v1/kill-switch");
    }

    @Test
    void anInstrumentTheClientNamesWithoutAnIntentIsPartOfTheDecision() {
        ClientRequest bare = new ClientRequest("r-bare", AS_OF, slim(), null, null, null, null, null, null, null, null);
        assertThat(decisions.decide("dec-bare", bare, pipeline, EthUsd.LISTED).trace().request().instruments()).isEmpty();

        ClientRequest named = new ClientRequest("r-named", AS_OF, slim(), null, null, List.of(EthUsd.INSTRUMENT), null,
                null, null, null, null);
        DecisionResult result = decisions.decide("dec-named", named, pipeline, EthUsd.LISTED);
        assertThat(result.trace().request().instruments()).extracting(i -> i.symbol()).containsExactly("ETH-USD");
        assertThat(result.trace().request().market()).extracting(v -> v.symbol()).containsExactly("ETH-USD");
        assertThat(result.trace().request().state().breaks()).isEmpty();
    }

    @Test
    void anIsolatedPerpetualIsLiquidatedOnItsOwnMarginACrossOneIsBackedByTheWholeAccount() {
        Instant filled = Instant.parse("2023-03-15T13:00:00Z");
        core.submit(new AccountEvent.Opened("acct-2", Instant.parse("2023-03-15T00:00:00Z"), new BigDecimal("100000"),
                null), null);
        core.submit(new AccountEvent.MarginModeSet("acct-2", filled, "BTC-USDT-PERP", MarginMode.ISOLATED), null);
        for (String account : List.of("acct-1", "acct-2")) {
            core.submit(new AccountEvent.Filled(account, filled, "f-" + account, null, "BTC-USDT-PERP", Side.BUY,
                    BigDecimal.ONE, new BigDecimal("25000"), BigDecimal.ZERO, false, true), "f-" + account);
        }

        Exposure cross = perpetualExposure("acct-1");
        Exposure isolated = perpetualExposure("acct-2");

        // cross: the account's 100,000 backs a 25,000 long, which has no liquidation price
        assertThat(cross.liquidationPrice()).isNull();
        // isolated: only its 2,500 of margin at 10x backs it; (2,500 - 25,000) / (0.004 - 1) in the first bracket
        assertThat(isolated.liquidationPrice()).isEqualByComparingTo("22590.36144578");
    }

    private Exposure perpetualExposure(String account) {
        ClientRequest bare = new ClientRequest("r-" + account, AS_OF,
                new ClientRequest.ClaimedAccount(account, null, null, null, null, null), null, null, null, null, null,
                null, null, null);
        DecisionResult result = decisions.decide("dec-" + account, bare, pipeline);
        assertThat(result.trace().request().context().marginModes())
                .isEqualTo(core.account(account).marginModes());
        assertThat(CanonicalJson.write(result.trace().request().context()).contains("marginModes"))
                .as("left out while there are none, so requests recorded before them replay unchanged")
                .isEqualTo(!core.account(account).marginModes().isEmpty());
        return result.trace().exposures().stream().filter(e -> e.symbol().equals("BTC-USDT-PERP")).findFirst()
                .orElseThrow();
    }

    @Test
    void anUnlistedSymbolIsRefusedAndNothingIsJournaled() {
        long before = core.account("acct-1").journalPosition();
        assertThatThrownBy(() -> decide(slim(), AS_OF, new OrderIntent("i-1", "acct-1", "DOGE-USD", Side.BUY,
                BigDecimal.ONE, BigDecimal.ONE, null, "client", 0.5)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("intents[0].symbol");
        assertThat(core.account("acct-1").journalPosition()).isEqualTo(before);
    }

    @Test
    void aDecisionReplaysIdenticallyFromItsStoredRequest() {
        losingRoundTrip();
        DecisionResult result = decide(slim(), AS_OF, buy("i-1", "2", "1690"));
        DecisionResult again = pipeline.decide(result.decision().decisionId(), result.trace().request());
        assertThat(again.decision()).isEqualTo(result.decision());
    }
}
