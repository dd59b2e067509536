package dev.arbiter.solver.constraints;

import static dev.arbiter.solver.constraints.AllocationConstraintProvider.EXPECTED_RETURN;
import static dev.arbiter.solver.constraints.AllocationConstraintProvider.WITHIN_GROSS_EXPOSURE_LIMIT;
import static dev.arbiter.solver.constraints.AllocationConstraintProvider.WITHIN_PROPOSAL_CAP;
import static dev.arbiter.solver.constraints.AllocationConstraintProvider.AT_LEAST_MIN_NOTIONAL;
import static dev.arbiter.solver.constraints.AllocationConstraintProvider.OWN_RISK;
import static dev.arbiter.solver.constraints.AllocationConstraintProvider.PAIR_RISK;
import static dev.arbiter.solver.constraints.AllocationConstraintProvider.TRADING_COSTS;
import static dev.arbiter.solver.constraints.AllocationConstraintProvider.TURNOVER;
import static dev.arbiter.solver.constraints.AllocationConstraintProvider.WITHIN_CLUSTER_CAP;
import static dev.arbiter.solver.constraints.AllocationConstraintProvider.WITHIN_FREE_BALANCE;
import static dev.arbiter.solver.constraints.AllocationConstraintProvider.WITHIN_INSTRUMENT_SHARE;
import static dev.arbiter.solver.constraints.AllocationConstraintProvider.WITHIN_LEVERAGE_LIMIT;
import static dev.arbiter.solver.constraints.AllocationConstraintProvider.WITHIN_NET_EXPOSURE_LIMIT;
import static dev.arbiter.solver.constraints.AllocationConstraintProvider.WITHIN_MARGIN_UTILISATION;
import static dev.arbiter.solver.constraints.AllocationConstraintProvider.WITHIN_POSITION_QUANTITY;
import static dev.arbiter.solver.constraints.AllocationConstraintProvider.WITHIN_SECTOR_CAP;
import static dev.arbiter.solver.constraints.AllocationConstraintProvider.WITHIN_VENUE_CAP;
import static dev.arbiter.solver.constraints.AllocationConstraintProvider.WITHIN_STRESSED_LEVERAGE_LIMIT;
import static org.assertj.core.api.Assertions.assertThat;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;
import dev.arbiter.kb.fact.Side;
import dev.arbiter.solver.model.AllocationPlan;
import dev.arbiter.solver.model.GrossExposureLimit;
import dev.arbiter.solver.model.LotAllocation;
import dev.arbiter.solver.model.MarginUtilisationLimit;
import dev.arbiter.solver.model.PortfolioTerms;
import dev.arbiter.solver.model.PositionQuantityLimit;
import dev.arbiter.solver.model.StressedLeverageLimit;
import java.util.List;
import java.util.Map;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** One ConstraintVerifier case per constraint and outcome; {@link ConstraintCoverageTest} checks none is missing. */
class AllocationConstraintProviderTest {

    private final ConstraintVerifier<AllocationConstraintProvider, AllocationPlan> verifier = ConstraintVerifier.build(
            new AllocationConstraintProvider(), AllocationPlan.class, LotAllocation.class);

    @Test
    @VerifiesConstraint(value = WITHIN_PROPOSAL_CAP, impact = true)
    void penalisesEveryLotAboveTheProposalCap() {
        LotAllocation btc = allocation("P-BTC", "60000", 0.9, "0.01", "0.50", 53);

        verifier.verifyThat(AllocationConstraintProvider::withinProposalCap)
                .given(btc)
                .justifiesWith(new ProposalCapJustification("P-BTC", 53, new BigDecimal("0.5"), new BigDecimal("0.01")))
                .penalizesBy(3);
    }

    @Test
    @VerifiesConstraint(value = WITHIN_PROPOSAL_CAP, impact = false)
    void leavesAnOrderAtOrBelowItsCapAlone() {
        LotAllocation atCap = allocation("P-BTC", "60000", 0.9, "0.01", "0.50", 50);
        LotAllocation capNotAWholeLot = allocation("P-ETH", "3000", 0.6, "0.1", "0.55", 5);
        LotAllocation notTraded = allocation("P-SOL", "150", 0.5, "1", "0", 0);

        verifier.verifyThat(AllocationConstraintProvider::withinProposalCap)
                .given(atCap, capNotAWholeLot, notTraded)
                .hasNoImpact();
    }

    @Test
    @VerifiesConstraint(value = WITHIN_GROSS_EXPOSURE_LIMIT, impact = true)
    void penalisesGrossExposureAboveTheLimitInCentsCountingBothSides() {
        LotAllocation buy = allocation("P-BTC", "60000", 0.9, "0.01", "0.50", 10, Side.BUY);    // 6000
        LotAllocation sell = allocation("P-ETH", "3000", 0.6, "0.1", "5", 20, Side.SELL);       // 6000
        GrossExposureLimit limit = new GrossExposureLimit(new BigDecimal("50000"), new BigDecimal("38000.50"));

        verifier.verifyThat(AllocationConstraintProvider::withinGrossExposureLimit)
                .given(buy, sell, limit)
                .justifiesWith(new GrossExposureJustification(new BigDecimal("12000"), new BigDecimal("38000.5"),
                        new BigDecimal("50000")))
                .penalizesBy(50);    // 50000.50 - 50000 = 0.50: 50 units of 0.01
    }

    @Test
    @VerifiesConstraint(value = WITHIN_GROSS_EXPOSURE_LIMIT, impact = true)
    void penalisesEvenAFractionOfACentAboveTheLimit() {
        LotAllocation tiny = allocation("P-DOGE", "0.1234567", 0.5, "1", "10", 10);           // 1.234567
        GrossExposureLimit limit = new GrossExposureLimit(new BigDecimal("1.2345"), BigDecimal.ZERO);

        verifier.verifyThat(AllocationConstraintProvider::withinGrossExposureLimit)
                .given(tiny, limit)
                .penalizesBy(1);
    }

    @Test
    @VerifiesConstraint(value = WITHIN_GROSS_EXPOSURE_LIMIT, impact = false)
    void leavesGrossExposureExactlyAtTheLimitAlone() {
        LotAllocation btc = allocation("P-BTC", "60000", 0.9, "0.01", "0.50", 20);            // 12000
        LotAllocation notTraded = allocation("P-ETH", "3000", 0.6, "0.1", "5", 0);
        GrossExposureLimit limit = new GrossExposureLimit(new BigDecimal("50000"), new BigDecimal("38000"));

        verifier.verifyThat(AllocationConstraintProvider::withinGrossExposureLimit)
                .given(btc, notTraded, limit)
                .hasNoImpact();
    }

    @Test
    @VerifiesConstraint(value = EXPECTED_RETURN, impact = true)
    void rewardsConvictionTimesNotionalInTenThousandthsPerTradedOrder() {
        LotAllocation btc = allocation("P-BTC", "60000", 0.9, "0.01", "0.50", 30);            // 18000 * 0.9 = 16200
        LotAllocation eth = allocation("P-ETH", "3000.5", 0.35, "0.1", "5", 3);              // 900.15 * 0.35 = 315.0525

        // Expected return, own and pair risk are impact constraints (either sign), which the single-constraint
        // assertions do not take: the whole provider is checked, on facts no other constraint scores.
        verifier.verifyThat()
                .given(btc, eth)
                .scores(HardSoftLongScore.ofSoft(162_000_000L + 3_150_525L));
    }

    @Test
    @VerifiesConstraint(value = EXPECTED_RETURN, impact = false)
    void doesNotRewardAnOrderThatIsNotTraded() {
        LotAllocation notTraded = allocation("P-BTC", "60000", 0.9, "0.01", "0.50", 0);

        verifier.verifyThat(AllocationConstraintProvider::expectedReturn)
                .given(notTraded)
                .hasNoImpact();
    }

    // ---- portfolio limits: terms with equity 100000 -------------------------------------------

    private static PortfolioTerms terms(String maxNet, String currentNet, String maxLeveraged, String available,
                                        String maxInstrument, Map<String, BigDecimal> clusterToMax,
                                        Map<String, BigDecimal> clusterToExposure, Map<String, BigDecimal> sectorToMax) {
        return new PortfolioTerms(dec(maxNet), new BigDecimal(currentNet), dec(maxLeveraged), new BigDecimal("2"),
                new BigDecimal("10000"), available == null ? null : BigDecimal.ONE, dec(available), dec(maxInstrument),
                new BigDecimal("0.25"), Map.of("BTC-USD", new BigDecimal("4000")), clusterToMax,
                Map.of("majors", new BigDecimal("0.3"), "alts", new BigDecimal("0.1")), clusterToExposure, sectorToMax,
                Map.of("layer-1", new BigDecimal("0.4")), Map.of(), null, Map.of());
    }

    private static PortfolioTerms venueTerms(String maxVenue, Map<String, BigDecimal> venueToExposure) {
        PortfolioTerms none = none();
        return new PortfolioTerms(none.maxNetExposure(), none.currentNetExposure(), none.maxLeveragedExposure(),
                none.maxLeverage(), none.currentGrossExposure(), none.marginRate(), none.availableBalance(),
                none.maxInstrumentExposure(), none.maxInstrumentShare(), none.symbolToExposure(),
                none.clusterToMaxExposure(), none.clusterToMaxShare(), none.clusterToExposure(),
                none.sectorToMaxExposure(), none.sectorToMaxShare(), none.sectorToExposure(), new BigDecimal(maxVenue),
                venueToExposure);
    }

    private static PortfolioTerms none() {
        return terms(null, "0", null, null, null, Map.of(), Map.of(), Map.of());
    }

    private static BigDecimal dec(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    @Test
    @VerifiesConstraint(value = AT_LEAST_MIN_NOTIONAL, impact = true)
    void penalisesAnOrderBelowTheVenuesMinimumByTheValueMissing() {
        LotAllocation sol = allocation("P-SOL", "150", 0.5, "0.1", "10", 1);                 // 15, minimum 30
        sol.withMarket("alts", null, new BigDecimal("30"));
        sol.setLots(1);

        verifier.verifyThat(AllocationConstraintProvider::atLeastMinNotional)
                .given(sol)
                .justifiesWith(new MinNotionalJustification("P-SOL", new BigDecimal("15"), new BigDecimal("30")))
                .penalizesBy(1500);
    }

    @Test
    @VerifiesConstraint(value = AT_LEAST_MIN_NOTIONAL, impact = false)
    void leavesOrdersAtTheMinimumOrNotTradedAlone() {
        LotAllocation atMinimum = allocation("P-SOL", "150", 0.5, "0.1", "10", 2).withMarket("alts", null, new BigDecimal("30"));
        LotAllocation notTraded = allocation("P-ADA", "0.5", 0.5, "1", "1000", 0).withMarket("alts", null, new BigDecimal("10"));

        verifier.verifyThat(AllocationConstraintProvider::atLeastMinNotional)
                .given(atMinimum, notTraded)
                .hasNoImpact();
    }

    @Test
    @VerifiesConstraint(value = WITHIN_NET_EXPOSURE_LIMIT, impact = true)
    void penalisesNetExposureAboveTheLimit() {
        LotAllocation buy = allocation("P-BTC", "60000", 0.9, "0.01", "1", 20);               // +12000
        LotAllocation sell = allocation("P-ETH", "3000", 0.6, "0.1", "5", 10, Side.SELL);     // -3000

        verifier.verifyThat(AllocationConstraintProvider::withinNetExposureLimit)
                .given(buy, sell, terms("15000", "7000", null, null, null, Map.of(), Map.of(), Map.of()))
                .justifiesWith(new ExposureLimitJustification("net exposure", new BigDecimal("7000"),
                        new BigDecimal("16000"), new BigDecimal("15000"), ""))
                .penalizesBy(100_000);                                                          // 1000.00
    }

    @Test
    @VerifiesConstraint(value = WITHIN_NET_EXPOSURE_LIMIT, impact = false)
    void leavesASellThatReducesAnExistingNetBreachAlone() {
        LotAllocation sell = allocation("P-ETH", "3000", 0.6, "0.1", "5", 10, Side.SELL);     // -3000

        verifier.verifyThat(AllocationConstraintProvider::withinNetExposureLimit)
                .given(sell, terms("15000", "20000", null, null, null, Map.of(), Map.of(), Map.of()))
                .hasNoImpact();
    }

    @Test
    @VerifiesConstraint(value = WITHIN_LEVERAGE_LIMIT, impact = true)
    void penalisesGrossExposureAboveLeverageTimesEquity() {
        LotAllocation btc = allocation("P-BTC", "60000", 0.9, "0.01", "1", 20);               // 12000 + 10000 held

        verifier.verifyThat(AllocationConstraintProvider::withinLeverageLimit)
                .given(btc, terms(null, "0", "20000", null, null, Map.of(), Map.of(), Map.of()))
                .penalizesBy(200_000);                                                          // 2000.00
    }

    @Test
    @VerifiesConstraint(value = WITHIN_LEVERAGE_LIMIT, impact = false)
    void leavesGrossExposureWithinLeverageAlone() {
        LotAllocation btc = allocation("P-BTC", "60000", 0.9, "0.01", "1", 10);               // 6000 + 10000 held

        verifier.verifyThat(AllocationConstraintProvider::withinLeverageLimit)
                .given(btc, terms(null, "0", "20000", null, null, Map.of(), Map.of(), Map.of()))
                .hasNoImpact();
    }

    @Test
    @VerifiesConstraint(value = WITHIN_FREE_BALANCE, impact = true)
    void penalisesBuysBeyondTheFreeBalanceLessOpenOrders() {
        LotAllocation btc = allocation("P-BTC", "60000", 0.9, "0.01", "1", 20);               // 12000

        verifier.verifyThat(AllocationConstraintProvider::withinFreeBalance)
                .given(btc, terms(null, "0", null, "11000.50", null, Map.of(), Map.of(), Map.of()))
                .justifiesWith(new ExposureLimitJustification("balance needed by orders", BigDecimal.ZERO,
                        new BigDecimal("12000"), new BigDecimal("11000.5"),
                        "free balance less open orders, margin rate 1"))
                .penalizesBy(99_950);
    }

    @Test
    @VerifiesConstraint(value = WITHIN_FREE_BALANCE, impact = true)
    void aPerpetualOrderOnEitherSideTakesItsInitialMarginFromTheFreeBalance() {
        // a 12000 short at leverage 10 takes 1200 of the 1000.50 left: 199.5 over
        LotAllocation perp = allocation("P-BTC", "60000", 0.9, "0.01", "1", 20, Side.SELL)
                .withMarket("majors", null, BigDecimal.ZERO, new BigDecimal("0.1"));

        verifier.verifyThat(AllocationConstraintProvider::withinFreeBalance)
                .given(perp, terms(null, "0", null, "1000.50", null, Map.of(), Map.of(), Map.of()))
                .justifiesWith(new ExposureLimitJustification("balance needed by orders", BigDecimal.ZERO,
                        new BigDecimal("1200.0"), new BigDecimal("1000.5"),
                        "free balance less open orders, margin rate 1"))
                .penalizesBy(19_950);
    }

    @Test
    @VerifiesConstraint(value = WITHIN_FREE_BALANCE, impact = false)
    void leavesSellsAloneWhenTheBalanceIsUsedUp() {
        LotAllocation sell = allocation("P-ETH", "3000", 0.6, "0.1", "5", 10, Side.SELL);

        verifier.verifyThat(AllocationConstraintProvider::withinFreeBalance)
                .given(sell, terms(null, "0", null, "-500", null, Map.of(), Map.of(), Map.of()))
                .hasNoImpact();
    }

    @Test
    @VerifiesConstraint(value = WITHIN_INSTRUMENT_SHARE, impact = true)
    void penalisesAnInstrumentsExposureAboveItsShareSummingItsOrders() {
        LotAllocation first = allocation("P-BTC", "60000", 0.9, "0.01", "1", 30);             // 18000
        LotAllocation second = new LotAllocation("P-BTC2", "BTC-USD", Side.BUY, new BigDecimal("60000"), 0.5,
                new BigDecimal("0.01"), BigDecimal.ONE);
        second.setLots(10);                                                                       // 6000, + 4000 held

        verifier.verifyThat(AllocationConstraintProvider::withinInstrumentShare)
                .given(first, second, terms(null, "0", null, null, "25000", Map.of(), Map.of(), Map.of()))
                .justifiesWith(new ExposureLimitJustification("instrument BTC-USD exposure", new BigDecimal("4000"),
                        new BigDecimal("28000"), new BigDecimal("25000"), "25% of equity"))
                .penalizesBy(300_000);
    }

    @Test
    @VerifiesConstraint(value = WITHIN_INSTRUMENT_SHARE, impact = false)
    void leavesInstrumentsWithinTheirShareAlone() {
        LotAllocation btc = allocation("P-BTC", "60000", 0.9, "0.01", "1", 35);               // 21000 + 4000 held

        verifier.verifyThat(AllocationConstraintProvider::withinInstrumentShare)
                .given(btc, terms(null, "0", null, null, "25000", Map.of(), Map.of(), Map.of()))
                .hasNoImpact();
    }

    @Test
    @VerifiesConstraint(value = WITHIN_CLUSTER_CAP, impact = true)
    void penalisesAClustersExposureAboveItsCap() {
        LotAllocation btc = allocation("P-BTC", "60000", 0.9, "0.01", "1", 40).withMarket("majors", null, BigDecimal.ZERO);
        LotAllocation eth = allocation("P-ETH", "3000", 0.6, "0.1", "5", 20).withMarket("majors", null, BigDecimal.ZERO);

        verifier.verifyThat(AllocationConstraintProvider::withinClusterCap)
                .given(btc, eth, terms(null, "0", null, null, null, Map.of("majors", new BigDecimal("30000")),
                        Map.of("majors", new BigDecimal("5000")), Map.of()))
                .justifiesWith(new ExposureLimitJustification("cluster majors exposure", new BigDecimal("5000"),
                        new BigDecimal("35000"), new BigDecimal("30000"), "30% of equity"))
                .penalizesBy(500_000);
    }

    @Test
    @VerifiesConstraint(value = WITHIN_CLUSTER_CAP, impact = false)
    void leavesClustersWithinTheirCapAlone() {
        LotAllocation btc = allocation("P-BTC", "60000", 0.9, "0.01", "1", 40).withMarket("majors", null, BigDecimal.ZERO);
        LotAllocation ada = allocation("P-ADA", "0.5", 0.6, "1", "100000", 90000).withMarket("alts", null, BigDecimal.ZERO);

        verifier.verifyThat(AllocationConstraintProvider::withinClusterCap)
                .given(btc, ada, terms(null, "0", null, null, null,
                        Map.of("majors", new BigDecimal("30000"), "alts", new BigDecimal("50000")), Map.of(), Map.of()))
                .hasNoImpact();
    }

    @Test
    @VerifiesConstraint(value = WITHIN_SECTOR_CAP, impact = true)
    void penalisesASectorsExposureAboveItsCap() {
        LotAllocation btc = allocation("P-BTC", "60000", 0.9, "0.01", "1", 50).withMarket("majors", "layer-1", BigDecimal.ZERO);
        LotAllocation sol = allocation("P-SOL", "150", 0.6, "1", "100", 80).withMarket("alts", "layer-1", BigDecimal.ZERO);

        verifier.verifyThat(AllocationConstraintProvider::withinSectorCap)
                .given(btc, sol, terms(null, "0", null, null, null, Map.of(), Map.of(),
                        Map.of("layer-1", new BigDecimal("40000"))))
                .penalizesBy(200_000);                                                          // 42000 - 40000
    }

    @Test
    @VerifiesConstraint(value = WITHIN_SECTOR_CAP, impact = false)
    void leavesOrdersWithoutASectorAlone() {
        LotAllocation btc = allocation("P-BTC", "60000", 0.9, "0.01", "1", 100).withMarket("majors", null, BigDecimal.ZERO);

        verifier.verifyThat(AllocationConstraintProvider::withinSectorCap)
                .given(btc, terms(null, "0", null, null, null, Map.of(), Map.of(),
                        Map.of("layer-1", new BigDecimal("40000"))))
                .hasNoImpact();
    }

    @Test
    @VerifiesConstraint(value = WITHIN_VENUE_CAP, impact = true)
    void penalisesAVenuesExposureAboveItsCap() {
        LotAllocation btc = allocation("P-BTC", "60000", 0.9, "0.01", "1", 40).atVenue("binance-us");  // 24000
        LotAllocation eth = allocation("P-ETH", "3000", 0.6, "0.1", "5", 20).atVenue("binance-us");    // 6000

        verifier.verifyThat(AllocationConstraintProvider::withinVenueCap)
                .given(btc, eth, venueTerms("25000", Map.of("binance-us", new BigDecimal("5000"))))
                .justifiesWith(new ExposureLimitJustification("venue binance-us exposure", new BigDecimal("5000"),
                        new BigDecimal("35000"), new BigDecimal("25000"), "max-venue-exposure"))
                .penalizesBy(1_000_000);                                                        // 35000 - 25000
    }

    @Test
    @VerifiesConstraint(value = WITHIN_VENUE_CAP, impact = false)
    void leavesOrdersAtOtherVenuesOrAtNoneAlone() {
        LotAllocation btc = allocation("P-BTC", "60000", 0.9, "0.01", "1", 40).atVenue("kraken");      // 24000
        LotAllocation eth = allocation("P-ETH", "3000", 0.6, "0.1", "5", 50);                          // no venue

        verifier.verifyThat(AllocationConstraintProvider::withinVenueCap)
                .given(btc, eth, venueTerms("25000", Map.of("binance-us", new BigDecimal("24000"))))
                .hasNoImpact();
    }

    @Test
    @VerifiesConstraint(value = WITHIN_VENUE_CAP, impact = true)
    void aVenueAlreadyAboveItsCapMayNotGrow() {
        LotAllocation eth = allocation("P-ETH", "3000", 0.6, "0.1", "5", 1).atVenue("binance-us");     // 300

        verifier.verifyThat(AllocationConstraintProvider::withinVenueCap)
                .given(eth, venueTerms("25000", Map.of("binance-us", new BigDecimal("30000"))))
                .penalizesBy(30_000);                                                           // 30300 - 30000
    }

    /** Variance 0.0004 and 0.0009, covariance 0.0003; λ = 1 / (2 x 100000). */
    private static final double[][] COVARIANCE = {{0.0004, 0.0003}, {0.0003, 0.0009}};
    private static final double LAMBDA = 1.0 / 200_000;

    private static LotAllocation risky(LotAllocation allocation, int row, double holdingsLoading) {
        return allocation.withObjective(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, LAMBDA,
                row, COVARIANCE[row], holdingsLoading);
    }

    @Test
    @VerifiesConstraint(value = OWN_RISK, impact = true)
    void penalisesAnOrdersVarianceAndItsCovarianceWithHoldings() {
        LotAllocation btc = risky(allocation("P-BTC", "60000", 0.9, "0.01", "1", 50), 0, 2.0); // n = 30000
        // λ (0.0004 x 30000² + 2 x 30000 x 2) = (360000 + 120000) / 200000 = 2.4
        verifier.verifyThat()
                .given(btc)
                .scores(HardSoftLongScore.ofSoft(-24_000));
    }

    @Test
    @VerifiesConstraint(value = OWN_RISK, impact = false)
    void leavesOrdersAloneWhenRiskIsNotWeighed() {
        LotAllocation btc = allocation("P-BTC", "60000", 0.9, "0.01", "1", 50);

        verifier.verifyThat(AllocationConstraintProvider::ownRisk)
                .given(btc)
                .hasNoImpact();
    }

    @Test
    @VerifiesConstraint(value = PAIR_RISK, impact = true)
    void penalisesTwoOrdersThatMoveTogether() {
        LotAllocation btc = risky(allocation("P-BTC", "60000", 0.9, "0.01", "1", 50), 0, 0);   // +30000
        LotAllocation eth = risky(allocation("P-ETH", "3000", 0.6, "0.1", "10", 50), 1, 0);    // +15000
        // λ x 2 x 0.0003 x 30000 x 15000 = 270000 / 200000 = 1.35
        // own: λ x (0.0004 x 30000² + 0.0009 x 15000²) = (360000 + 202500) / 200000 = 2.8125
        verifier.verifyThat()
                .given(btc, eth)
                .scores(HardSoftLongScore.ofSoft(-13_500 - 28_125));
    }

    @Test
    @VerifiesConstraint(value = PAIR_RISK, impact = false)
    void leavesAPairAloneWhenOneIsNotTraded() {
        LotAllocation btc = risky(allocation("P-BTC", "60000", 0.9, "0.01", "1", 50), 0, 0);
        LotAllocation eth = risky(allocation("P-ETH", "3000", 0.6, "0.1", "10", 0), 1, 0);

        verifier.verifyThat(AllocationConstraintProvider::pairRisk)
                .given(btc, eth)
                .hasNoImpact();
    }

    private static LotAllocation costly(LotAllocation allocation, String costRate, String turnoverRate) {
        return allocation.withObjective(allocation.getExpectedReturnRate(), new BigDecimal(costRate),
                new BigDecimal(turnoverRate), 0, 0, new double[0], 0);
    }

    @Test
    @VerifiesConstraint(value = TRADING_COSTS, impact = true)
    void penalisesFeesAndSlippageInProportionToValue() {
        LotAllocation btc = costly(allocation("P-BTC", "60000", 0.9, "0.01", "1", 50), "0.0015", "0");   // 30000

        verifier.verifyThat(AllocationConstraintProvider::tradingCosts)
                .given(btc)
                .justifiesWith(new CostJustification("P-BTC", "fees and slippage", new BigDecimal("30000"),
                        new BigDecimal("0.0015")))
                .penalizesBy(450_000);                                                          // 45.0000
    }

    @Test
    @VerifiesConstraint(value = TRADING_COSTS, impact = false)
    void chargesNothingForAnOrderNotTraded() {
        LotAllocation btc = costly(allocation("P-BTC", "60000", 0.9, "0.01", "1", 0), "0.0015", "0");

        verifier.verifyThat(AllocationConstraintProvider::tradingCosts)
                .given(btc)
                .hasNoImpact();
    }

    @Test
    @VerifiesConstraint(value = TURNOVER, impact = true)
    void penalisesTurnoverInProportionToValue() {
        LotAllocation btc = costly(allocation("P-BTC", "60000", 0.9, "0.01", "1", 50), "0", "0.0001");

        verifier.verifyThat(AllocationConstraintProvider::turnover)
                .given(btc)
                .penalizesBy(30_000);                                                           // 3.0000
    }

    @Test
    @VerifiesConstraint(value = TURNOVER, impact = false)
    void chargesNoTurnoverWhenThePenaltyIsZero() {
        LotAllocation btc = costly(allocation("P-BTC", "60000", 0.9, "0.01", "1", 50), "0", "0");

        verifier.verifyThat(AllocationConstraintProvider::turnover)
                .given(btc)
                .hasNoImpact();
    }

    @Test
    @VerifiesConstraint(value = WITHIN_POSITION_QUANTITY, impact = true)
    void penalisesAPositionAboveItsQuantityLimitSummingEveryOrderInTheInstrument() {
        LotAllocation first = allocation("P-BTC", "60000", 0.9, "0.01", "10", 500);           // +5
        LotAllocation second = allocation("P-BTC2", "60000", 0.7, "0.01", "10", 300);         // +3
        second = onSymbol(second, "BTC-USD");
        PositionQuantityLimit limit = new PositionQuantityLimit(new BigDecimal("40"),
                Map.of("BTC-USD", new BigDecimal("33.5")));                                   // 33.5 + 8 = 41.5

        verifier.verifyThat(AllocationConstraintProvider::withinPositionQuantity)
                .given(first, second, limit)
                .justifiesWith(new PositionQuantityJustification("BTC-USD", new BigDecimal("33.5"),
                        new BigDecimal("41.5"), new BigDecimal("40")))
                .penalizesBy(150);                                                             // 1.50 above
    }

    @Test
    @VerifiesConstraint(value = WITHIN_POSITION_QUANTITY, impact = false)
    void leavesASellThatShrinksAPositionAboveTheLimitAlone() {
        LotAllocation sell = allocation("P-BTC", "60000", 0.9, "0.01", "10", 200, Side.SELL);  // -2
        LotAllocation otherSymbol = allocation("P-ETH", "3000", 0.6, "0.1", "50", 300);      // +30, no position
        PositionQuantityLimit limit = new PositionQuantityLimit(new BigDecimal("40"),
                Map.of("BTC-USD", new BigDecimal("45")));                                     // 45 → 43: shrinks

        verifier.verifyThat(AllocationConstraintProvider::withinPositionQuantity)
                .given(sell, otherSymbol, limit)
                .hasNoImpact();
    }

    @Test
    @VerifiesConstraint(value = WITHIN_STRESSED_LEVERAGE_LIMIT, impact = true)
    void penalisesGrossExposureAboveStressedLeverageTimesEquity() {
        LotAllocation btc = allocation("P-BTC", "60000", 0.9, "0.01", "1", 20);               // 12000 + 10000 held
        StressedLeverageLimit stressed = new StressedLeverageLimit(BigDecimal.ONE, new BigDecimal("20000"),
                new BigDecimal("10000"), "BTC-USD in HIGH_VOLATILITY");

        verifier.verifyThat(AllocationConstraintProvider::withinStressedLeverageLimit)
                .given(btc, stressed)
                .justifiesWith(new ExposureLimitJustification("gross exposure for stressed leverage",
                        new BigDecimal("10000"), new BigDecimal("22000"), new BigDecimal("20000"),
                        "stressed leverage 1x equity: BTC-USD in HIGH_VOLATILITY"))
                .penalizesBy(200_000);                                                          // 2000.00
    }

    @Test
    @VerifiesConstraint(value = WITHIN_STRESSED_LEVERAGE_LIMIT, impact = false)
    void leavesGrossExposureAloneWhenTheMarketIsCalmOrWithinTheStressedLimit() {
        LotAllocation btc = allocation("P-BTC", "60000", 0.9, "0.01", "1", 10);               // 6000 + 10000 held
        StressedLeverageLimit stressed = new StressedLeverageLimit(BigDecimal.ONE, new BigDecimal("20000"),
                new BigDecimal("10000"), "BTC-USD in CRISIS");

        verifier.verifyThat(AllocationConstraintProvider::withinStressedLeverageLimit)
                .given(btc, stressed)
                .hasNoImpact();
        verifier.verifyThat(AllocationConstraintProvider::withinStressedLeverageLimit)
                .given(allocation("P-ETH", "3000", 0.6, "0.1", "500", 5000))                 // calm: no fact
                .hasNoImpact();
    }

    @Test
    @VerifiesConstraint(value = WITHIN_MARGIN_UTILISATION, impact = true)
    void penalisesMarginUsedAboveItsShareOfCapacity() {
        LotAllocation btc = allocation("P-BTC", "60000", 0.9, "0.01", "1", 50);               // 30000 of buys
        MarginUtilisationLimit margin = new MarginUtilisationLimit(new BigDecimal("0.8"), new BigDecimal("5000"),
                new BigDecimal("40000"), new BigDecimal("0.1"));                              // 5000 + 3000 ≤ 32000

        verifier.verifyThat(AllocationConstraintProvider::withinMarginUtilisation)
                .given(btc, new MarginUtilisationLimit(new BigDecimal("0.8"), new BigDecimal("30000"),
                        new BigDecimal("40000"), new BigDecimal("0.1")))               // 30000 + 3000 = 33000 > 32000
                .justifiesWith(new ExposureLimitJustification("margin used", new BigDecimal("30000"),
                        new BigDecimal("33000"), new BigDecimal("32000"), "80% of capacity 40000, margin rate 0.1"))
                .penalizesBy(100_000);                                                          // 1000.00
        verifier.verifyThat(AllocationConstraintProvider::withinMarginUtilisation)
                .given(btc, margin)
                .hasNoImpact();
    }

    @Test
    @VerifiesConstraint(value = WITHIN_MARGIN_UTILISATION, impact = false)
    void leavesSellsAloneWhenMarginIsAlreadyAboveItsLimit() {
        LotAllocation sell = allocation("P-BTC", "60000", 0.9, "0.01", "1", 50, Side.SELL);
        MarginUtilisationLimit margin = new MarginUtilisationLimit(new BigDecimal("0.8"), new BigDecimal("39000"),
                new BigDecimal("40000"), BigDecimal.ONE);

        verifier.verifyThat(AllocationConstraintProvider::withinMarginUtilisation)
                .given(sell, margin)
                .hasNoImpact();
    }

    @Test
    void riskJustificationsSayWhetherTheyAddOrRemoveRisk() {
        assertThat(new RiskJustification(List.of("P-BTC"), 2.4).description())
                .isEqualTo("P-BTC (with existing holdings) adds 2.4000 of risk penalty (risk aversion x covariance of returns)");
        assertThat(new RiskJustification(List.of("P-BTC", "P-ETH"), -1.35).description())
                .isEqualTo("P-BTC with P-ETH removes 1.3500 of risk penalty (risk aversion x covariance of returns)");
    }

    @Test
    void justificationsDescribeTheirNumbersInOneSentence() {
        assertThat(new ProposalCapJustification("P-BTC", 53, new BigDecimal("0.50"), new BigDecimal("0.01")).description())
                .isEqualTo("P-BTC: 53 lots of 0.01 make 0.53, above its cap 0.5");
        assertThat(new GrossExposureJustification(new BigDecimal("12000"), new BigDecimal("38000.5"),
                new BigDecimal("50000")).description())
                .isEqualTo("gross exposure 50000.50 (new orders 12000.00 + existing 38000.50) is above the limit "
                        + "50000.00 by 0.50");
        assertThat(new ExpectedReturnJustification("P-ETH", new BigDecimal("900.15"), new BigDecimal("0.35"))
                .description())
                .isEqualTo("P-ETH: order value 900.15 at expected return 0.35 adds 315.0525");
        assertThat(new PositionQuantityJustification("BTC-USD", new BigDecimal("33.5"), new BigDecimal("41.5"),
                new BigDecimal("40")).description())
                .isEqualTo("position in BTC-USD 41.5 (existing 33.5) is above the position-quantity limit 40 by 1.5");
    }

    private static LotAllocation onSymbol(LotAllocation allocation, String symbol) {
        LotAllocation moved = new LotAllocation(allocation.getProposalId(), symbol, allocation.getSide(),
                allocation.getPrice(), allocation.getConviction().doubleValue(), allocation.getLotSize(),
                allocation.getMaxQuantity());
        moved.setLots(allocation.getLots());
        return moved;
    }

    private static LotAllocation allocation(String id, String price, double conviction, String lotSize,
                                            String maxQuantity, int lots) {
        return allocation(id, price, conviction, lotSize, maxQuantity, lots, Side.BUY);
    }

    private static LotAllocation allocation(String id, String price, double conviction, String lotSize,
                                            String maxQuantity, int lots, Side side) {
        LotAllocation allocation = new LotAllocation(id, id.substring(2) + "-USD", side, new BigDecimal(price),
                conviction, new BigDecimal(lotSize), new BigDecimal(maxQuantity));
        allocation.setLots(lots);
        return allocation;
    }
}
