package dev.arbiter.solver.constraints;

import static dev.arbiter.solver.constraints.AllocationConstraintProvider.CONVICTION_WEIGHTED_NOTIONAL;
import static dev.arbiter.solver.constraints.AllocationConstraintProvider.WITHIN_GROSS_EXPOSURE_LIMIT;
import static dev.arbiter.solver.constraints.AllocationConstraintProvider.WITHIN_PROPOSAL_CAP;
import static org.assertj.core.api.Assertions.assertThat;

import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;
import dev.arbiter.kb.fact.Side;
import dev.arbiter.solver.model.AllocationPlan;
import dev.arbiter.solver.model.GrossExposureLimit;
import dev.arbiter.solver.model.LotAllocation;
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
    @VerifiesConstraint(value = CONVICTION_WEIGHTED_NOTIONAL, impact = true)
    void rewardsConvictionTimesNotionalInTenThousandthsPerTradedOrder() {
        LotAllocation btc = allocation("P-BTC", "60000", 0.9, "0.01", "0.50", 30);            // 18000 * 0.9 = 16200
        LotAllocation eth = allocation("P-ETH", "3000.5", 0.35, "0.1", "5", 3);              // 900.15 * 0.35 = 315.0525

        verifier.verifyThat(AllocationConstraintProvider::convictionWeightedNotional)
                .given(btc, eth)
                .justifiesWith(
                        new ConvictionRewardJustification("P-BTC", new BigDecimal("18000"), new BigDecimal("0.9")),
                        new ConvictionRewardJustification("P-ETH", new BigDecimal("900.15"), new BigDecimal("0.35")))
                .rewardsWith(162_000_000L + 3_150_525L);
    }

    @Test
    @VerifiesConstraint(value = CONVICTION_WEIGHTED_NOTIONAL, impact = false)
    void doesNotRewardAnOrderThatIsNotTraded() {
        LotAllocation notTraded = allocation("P-BTC", "60000", 0.9, "0.01", "0.50", 0);

        verifier.verifyThat(AllocationConstraintProvider::convictionWeightedNotional)
                .given(notTraded)
                .hasNoImpact();
    }

    @Test
    void justificationsDescribeTheirNumbersInOneSentence() {
        assertThat(new ProposalCapJustification("P-BTC", 53, new BigDecimal("0.50"), new BigDecimal("0.01")).description())
                .isEqualTo("P-BTC: 53 lots of 0.01 make 0.53, above its cap 0.5");
        assertThat(new GrossExposureJustification(new BigDecimal("12000"), new BigDecimal("38000.5"),
                new BigDecimal("50000")).description())
                .isEqualTo("gross exposure 50000.50 (new orders 12000.00 + existing 38000.50) is above the limit "
                        + "50000.00 by 0.50");
        assertThat(new ConvictionRewardJustification("P-ETH", new BigDecimal("900.15"), new BigDecimal("0.35"))
                .description())
                .isEqualTo("P-ETH: notional 900.15 at conviction 0.35 adds 315.0525 of conviction-weighted notional");
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
