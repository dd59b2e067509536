package dev.arbiter.engine.decision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.engine.json.ArbiterJson;
import dev.arbiter.kb.fact.FeedStatus;
import dev.arbiter.kb.fact.IndicatorValue;
import dev.arbiter.kb.fact.Limit;
import dev.arbiter.kb.fact.Proposal;
import dev.arbiter.kb.fact.Side;
import dev.arbiter.kb.outcome.Layer;
import dev.arbiter.reasoning.explain.DecisionFacts;
import dev.arbiter.reasoning.explain.Explanation;
import dev.arbiter.reasoning.explain.PrologExplainer;
import dev.arbiter.reasoning.explain.ProposalStatus;
import dev.arbiter.reasoning.explain.QueryLimits;
import dev.arbiter.reasoning.proof.ProofVerdict;
import dev.arbiter.rules.session.Firing;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One decision through every stage over real ETH-USD 5-minute bars (Binance.US, 2023-03-15 13:35 UTC)
 * with the shipped rules and limits, decided from the engine's own figures: the account opened with 100000 in cash
 * and bought 2 ETH at 1610 (fee 1.61), and has no working order; the client asks for 25 ETH at 1693 (i-1) and 2 ETH
 * at 1800 (i-2); the momentum rule sees EMA(20) above SMA(50) with RSI(14) in 50..70 and proposes 5.90 ETH (10000 USD
 * at the last close 1692.84).
 */
class EthUsdDecisionTest {

    private static DecisionPipeline pipeline;
    private static DecisionResult result;

    @BeforeAll
    static void decide() {
        pipeline = DecisionPipeline.withShippedDefaults();
        result = pipeline.decide("dec-test", ExampleRequests.example());
    }

    @AfterAll
    static void close() {
        pipeline.close();
    }

    @Test
    void theAccountsFiguresAreTheEnginesOwnFromItsEvents() {
        DecisionRequest request = result.trace().request();

        // cash 100000 - 2 x 1610 - fee 1.61 = 96778.39; the fill (09:00) was reported after bars up to 13:35, so the
        // 2 ETH are marked at the latest close 1692.84: equity 96778.39 + 3385.68 = 100164.07, a new high-water mark,
        // and the day's P&L 100164.07 - 100000 = 164.07
        assertThat(request.account().freeBalance()).isEqualByComparingTo("96778.39");
        assertThat(request.account().equity()).isEqualByComparingTo("100164.07");
        assertThat(request.account().highWaterMark()).isEqualByComparingTo("100164.07");
        assertThat(request.account().dailyPnl()).isEqualByComparingTo("164.07");
        assertThat(request.positions()).singleElement().satisfies(p -> {
            assertThat(p.quantity()).isEqualByComparingTo("2");
            assertThat(p.averagePrice()).isEqualByComparingTo("1610");
        });
        assertThat(request.openOrders()).isEmpty();
        assertThat(request.state().breaks()).isEmpty();
        assertThat(request.market()).singleElement().satisfies(v -> assertThat(v.symbol()).isEqualTo("ETH-USD"));
    }

    @Test
    void strategyAndClientProposalsEnterTheRiskLayers() {
        assertThat(result.decision().proposals()).extracting(ProposalVerdict::proposalId)
                .containsExactlyInAnyOrder("i-1", "i-2", "S-MOMENTUM:ETH-USD");
        assertThat(verdict("S-MOMENTUM:ETH-USD").requestedQuantity()).isEqualByComparingTo("5.90");
        assertThat(verdict("S-MOMENTUM:ETH-USD").origin()).isEqualTo("Momentum: trend up with room to run");
    }

    @Test
    void everyFiringIsTracedWithItsLayerAndMatchedFacts() {
        Map<String, Long> firingsByCode = result.trace().firings().stream()
                .collect(Collectors.groupingBy(Firing::reasonCode, Collectors.counting()));

        assertThat(firingsByCode).containsExactlyInAnyOrderEntriesOf(Map.of(
                "S-CLIENT-INTENT", 2L, "S-MOMENTUM", 1L,
                "L1-MAX-ORDER-QTY", 1L, "L2-INSTRUMENT-SHARE", 1L, "L2-GROSS-EXPOSURE", 1L, "L2-VENUE-EXPOSURE", 1L,
                "L7-PRICE-COLLAR", 1L));
        Firing collar = firing("L7-PRICE-COLLAR");
        assertThat(collar.layer()).isEqualTo(Layer.L7);
        assertThat(collar.rule()).isEqualTo("Limit price outside the price collar");
        assertThat(collar.matchedOf(Proposal.class)).extracting(Proposal::proposalId).containsExactly("i-2");
        assertThat(collar.matchedOf(FeedStatus.class)).singleElement()
                .extracting(FeedStatus::symbol, FeedStatus::lastClose).containsExactly("ETH-USD", new BigDecimal("1692.84"));
        assertThat(collar.matchedOf(Limit.class)).containsExactly(new Limit("price-collar", new BigDecimal("0.05")));
        assertThat(firing("S-MOMENTUM").matchedOf(IndicatorValue.class))
                .anyMatch(v -> v.symbol().equals("ETH-USD") && v.name().equals("rsi_14"));
    }

    @Test
    void priceCollarRejectsTheFarLimitPrice() {
        ProposalVerdict i2 = verdict("i-2");

        assertThat(i2.status()).isEqualTo("REJECTED");
        assertThat(i2.reasonCodes()).containsExactly("L7-PRICE-COLLAR");
        assertThat(i2.finalQuantity()).isZero();
        assertThat(reasonMessage("i-2", "L7-PRICE-COLLAR"))
                .isEqualTo("limit price 1800 is 6.33% from the last close 1692.84, outside the 5% collar");
    }

    @Test
    void rulesCapTheLargeIntentAndTheSmallestCapWins() {
        ProposalVerdict i1 = verdict("i-1");

        assertThat(i1.status()).isEqualTo("CAPPED");
        assertThat(i1.reasonCodes()).containsExactlyInAnyOrder("L1-MAX-ORDER-QTY", "L2-INSTRUMENT-SHARE", "L2-GROSS-EXPOSURE",
                "L2-VENUE-EXPOSURE");
        assertThat(i1.finalQuantity()).isEqualByComparingTo("10");
        assertThat(result.trace().allocationProblem().candidates())
                .filteredOn(c -> c.proposal().proposalId().equals("i-1"))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.maxQuantity()).isEqualByComparingTo("10");
                    assertThat(c.capReasons()).containsExactly("L1-MAX-ORDER-QTY");
                });
        // L2: (25% of equity 100164.07 - 2 x 1692.84) / 1693 = (25041.0175 - 3385.68) / 1693 = 12.791 and, with no
        // working order, (25000 - 3385.68) / 1693 = 12.767, and at ETH's venue (22500 - 3385.68) / 1693 = 11.290: 12.79,
        // 12.76 and 11.29 ETH to the lot, all above L1's 10
        assertThat(reasonMessage("i-1", "L2-INSTRUMENT-SHARE"))
                .isEqualTo("position and working orders 3385.68 plus order 42325.00 would exceed 25% of equity 100164.07");
        assertThat(reasonMessage("i-1", "L2-GROSS-EXPOSURE"))
                .isEqualTo("gross exposure 3385.68 plus order 42325.00 would exceed the maximum 25000.00");
        assertThat(reasonMessage("i-1", "L2-VENUE-EXPOSURE")).isEqualTo(
                "venue binance-us holds 3385.68; with order 42325.00 it would exceed the maximum 22500.00 at one venue");
    }

    @Test
    void timefoldSizesWithinTheVenueLimitGivingHigherConvictionFirst() {
        // held at binance-us, ETH's venue: 2 x 1692.84 = 3385.68 (no working order); its limit 22500 leaves 19114.32.
        // i-1 (conviction 0.7) takes 10 x 1693 = 16930; momentum (0.6) gets 2184.32 / 1692.84 = 1.290, 1.29 to the lot
        // (gross exposure's 25000 and the instrument's cap, 25% of 100164.07 = 25041.0175, leave more: they do not bind).
        assertThat(result.decision().status()).isEqualTo(DecisionStatus.APPROVED);
        assertThat(result.decision().orders()).extracting(Order::proposalId, Order::side, o -> o.quantity().toPlainString())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("i-1", Side.BUY, "10.00"),
                        org.assertj.core.groups.Tuple.tuple("S-MOMENTUM:ETH-USD", Side.BUY, "1.29"));
        assertThat(result.decision().orders()).extracting(Order::orderId)
                .containsExactlyInAnyOrder("dec-test/i-1", "dec-test/S-MOMENTUM:ETH-USD");
        assertThat(result.trace().allocationProblem().currentGrossExposure()).isEqualByComparingTo("3385.68");
        assertThat(result.trace().allocation().feasible()).isTrue();
        assertThat(verdict("S-MOMENTUM:ETH-USD").status()).isEqualTo("CAPPED");
        assertThat(result.trace().allocation().orders())
                .filteredOn(o -> o.proposalId().equals("S-MOMENTUM:ETH-USD"))
                .singleElement()
                .satisfies(o -> assertThat(String.join(" ", o.boundBy())).contains("venue binance-us exposure"));
    }

    @Test
    void z3ProvesEveryHardLimit() {
        assertThat(result.trace().proof().verdict()).isEqualTo(ProofVerdict.PROVED);
        assertThat(result.trace().proof().checkedLimits())
                .contains("gross-exposure", "free-balance", "max-quantity:i-1", "max-quantity:S-MOMENTUM:ETH-USD",
                        "net-exposure", "leverage", "instrument-share:ETH-USD", "cluster-share:majors",
                        "position-quantity:ETH-USD", "venue-exposure:binance-us", "min-notional:i-1",
                        "min-notional:S-MOMENTUM:ETH-USD");
        assertThat(result.trace().proof().violations()).isEmpty();
    }

    @Test
    void prologExplainsEachProposal() {
        Map<String, Explanation> byId = result.trace().explanations().stream()
                .collect(Collectors.toMap(Explanation::proposalId, Function.identity()));

        Explanation i2 = byId.get("i-2");
        assertThat(i2.status()).isEqualTo(ProposalStatus.REJECTED);
        assertThat(i2.because()).containsExactly(
                "rejected by L7-PRICE-COLLAR at L7 (compliance), under RTS 6 Art. 15(1)(a): limit price 1800 is 6.33%"
                        + " from the last close 1692.84, outside the 5% collar",
                "rule Limit price outside the price collar matched Limit(name=price-collar, value=0.05); "
                        + "Proposal(proposalId=i-2, accountId=acct-1, symbol=ETH-USD, side=BUY, quantity=2, price=1800,"
                        + " conviction=0.5, origin=intent i-2 (client-breakout), models=[gbm-direction]); FeedStatus(symbol=ETH-USD,"
                        + " lastBarEnd=2023-03-15T13:35:00Z, lastClose=1692.84, ageSeconds=30, barCount=120)");
        assertThat(i2.query()).isEqualTo("explain('i-2', rejected, Sentences)");

        Explanation i1 = byId.get("i-1");
        assertThat(i1.status()).isEqualTo(ProposalStatus.CAPPED);
        assertThat(i1.because().getFirst()).isEqualTo("the allocation sized it at 10 of the 25 requested");
        assertThat(i1.because()).contains(
                "capped at 10 by L1-MAX-ORDER-QTY at L1 (position), under RTS 6 Art. 15(1)(c): quantity 25 is above"
                        + " the maximum order quantity 10",
                "capped at 12.76 by L2-GROSS-EXPOSURE at L2 (portfolio): gross exposure 3385.68 plus order 42325.00"
                        + " would exceed the maximum 25000.00",
                "capped at 12.79 by L2-INSTRUMENT-SHARE at L2 (portfolio): position and working orders 3385.68 plus order 42325.00 would"
                        + " exceed 25% of equity 100164.07");

        Explanation momentum = byId.get("S-MOMENTUM:ETH-USD");
        assertThat(momentum.status()).isEqualTo(ProposalStatus.CAPPED);
        // one more lot: 3385.68 + 16930 + 1.30 x 1692.84 = 20315.68 + 2200.692 = 22516.372, above the venue's 22500 (and
        // below gross exposure's 25000 and the instrument's cap 25041.0175, which do not bind)
        assertThat(momentum.because()).containsExactly(
                "the allocation sized it at 1.29 of the 5.9 requested",
                "held at 1.29: one more lot of 0.01 would take venue binance-us exposure to 22516.372, above its cap "
                        + "22500.00 (max-venue-exposure)");
    }

    @Test
    void aStoredDecisionAnswersAnAuditorsQueriesAndExplainsItselfAgain() {
        PrologExplainer explainer = new PrologExplainer();
        DecisionFacts stored = result.trace().explanationFacts();

        assertThat(result.trace().proposals()).extracting(dev.arbiter.kb.fact.Proposal::proposalId)
                .containsExactlyInAnyOrder("i-1", "i-2", "S-MOMENTUM:ETH-USD");
        assertThat(result.trace().explanations()).allSatisfy(e ->
                assertThat(explainer.explain(stored, e.proposalId())).isEqualTo(e));
        assertThat(explainer.query(stored, "status(P, rejected)", QueryLimits.DEFAULT)).containsExactly("P = 'i-2'");
        assertThat(explainer.whyNotApprovedTree(stored, "i-2")).containsExactly(
                "not: i-2 is approved",
                "  because i-2 is rejected",
                "    because rejected by L7-PRICE-COLLAR at L7 (compliance), under RTS 6 Art. 15(1)(a): limit price 1800"
                        + " is 6.33% from the last close 1692.84, outside the 5% collar",
                "      because rule Limit price outside the price collar (L7-PRICE-COLLAR, L7 (compliance)) fired",
                "        because it matched Limit(name=price-collar, value=0.05)",
                "        because it matched Proposal(proposalId=i-2, accountId=acct-1, symbol=ETH-USD, side=BUY,"
                        + " quantity=2, price=1800, conviction=0.5, origin=intent i-2 (client-breakout), models=[gbm-direction])",
                "        because it matched FeedStatus(symbol=ETH-USD, lastBarEnd=2023-03-15T13:35:00Z,"
                        + " lastClose=1692.84, ageSeconds=30, barCount=120)");
        assertThat(explainer.whyNotApprovedTree(stored, "i-1")).startsWith("not: i-1 is approved",
                "  because i-1 is capped", "    because the allocation sized it at 10 of the 25 requested");
    }

    @Test
    void sameRequestGivesTheSameDecisionAndTrace() {
        DecisionResult again = pipeline.decide("dec-test", ExampleRequests.example());

        assertThat(json(again.decision())).isEqualTo(json(result.decision()));
        assertThat(json(withoutTimings(again.trace()))).isEqualTo(json(withoutTimings(result.trace())));
        assertThat(result.decision().versions().ruleSet()).matches("rs-[0-9a-f]{12}");
    }

    private static DecisionTrace withoutTimings(DecisionTrace trace) {
        var proof = trace.proof();
        return new DecisionTrace(trace.decisionId(), trace.versions(), trace.request(), trace.indicators(), trace.feeds(),
                trace.exposures(), trace.firings(), trace.sessionFault(), trace.outcomes(), trace.allocationProblem(),
                trace.allocation(),
                new dev.arbiter.reasoning.proof.ProofResult(proof.verdict(), proof.checkedLimits(), proof.violations(), 0),
                trace.explanations(), trace.proposals(), trace.modelPredictions());
    }

    private static String json(Object value) {
        return ArbiterJson.mapper().writeValueAsString(value);
    }

    private static ProposalVerdict verdict(String proposalId) {
        return result.decision().proposals().stream().filter(p -> p.proposalId().equals(proposalId)).findFirst().orElseThrow();
    }

    private static Firing firing(String code) {
        List<Firing> firings = result.trace().firings().stream().filter(f -> f.reasonCode().equals(code)).toList();
        assertThat(firings).hasSize(1);
        return firings.get(0);
    }

    private static String reasonMessage(String proposalId, String code) {
        return result.trace().outcomes().stream()
                .filter(o -> proposalId.equals(o.proposalId()) && o.reason().code().equals(code))
                .findFirst().orElseThrow().reason().message();
    }
}
