package dev.arbiter.solver.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.kb.fact.Side;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class LotAllocationTest {

    private static LotAllocation eth(String lotSize, String maxQuantity) {
        return new LotAllocation("P-ETH", "ETH-USD", Side.SELL, new BigDecimal("3000"), 0.6, new BigDecimal(lotSize),
                new BigDecimal(maxQuantity));
    }

    @Test
    void offersWholeLotsFromZeroUpToTheCapRoundedDown() {
        LotAllocation eth = eth("0.1", "0.55");

        assertThat(eth.getMaxLots()).isEqualTo(5);
        assertThat(eth.getLotRange().getSize()).isEqualTo(6);
        assertThat(eth.getLotRange().contains(0)).isTrue();
        assertThat(eth.getLotRange().contains(5)).isTrue();
        assertThat(eth.getLotRange().contains(6)).isFalse();
        assertThat(eth.isSizable()).isTrue();
        assertThat(eth("0.1", "0.05").isSizable()).isFalse();
    }

    @Test
    void computesQuantityNotionalAndTheObjectiveExactly() {
        LotAllocation eth = eth("0.1", "2");
        eth.setLots(13);

        assertThat(eth.quantity()).isEqualTo(new BigDecimal("1.3"));
        assertThat(eth.notional()).isEqualByComparingTo("3900");
        assertThat(eth.lotNotional()).isEqualByComparingTo("300");
        assertThat(eth.convictionWeightedNotional()).isEqualByComparingTo("2340");
        assertThat(eth.isAboveCap()).isFalse();
        assertThat(eth.lotsAboveCap()).isZero();
    }

    @Test
    void countsLotsAboveTheCapWhenSetBeyondIt() {
        LotAllocation eth = eth("0.1", "0.55");
        eth.setLots(7);

        assertThat(eth.isAboveCap()).isTrue();
        assertThat(eth.lotsAboveCap()).isEqualTo(2);
    }

    @Test
    void treatsAnUnassignedSizeAsNothingTraded() {
        LotAllocation eth = eth("0.1", "2");

        assertThat(eth.getLots()).isNull();
        assertThat(eth.quantity()).isEqualTo(new BigDecimal("0.0"));
        assertThat(eth.notional()).isZero();
    }

    @Test
    void refusesMoreLotsThanTheSolverCanCount() {
        assertThatThrownBy(() -> eth("0.000000001", "100"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Candidate P-ETH: maxQuantity 100 is 100000000000 lots of 0.000000001; the allocator "
                        + "accepts at most 2147483646 lots per candidate. Maybe the lot size is missing a few zeros?");
    }

    @Test
    void writesItsSoftTermsAsAConcaveParabolaInLots() {
        java.util.Random random = new java.util.Random(11);
        for (int order = 0; order < 500; order++) {
            Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
            LotAllocation allocation = new LotAllocation("P", "ETH-USD", side,
                    BigDecimal.valueOf(1 + random.nextInt(500_000), 2), 0.5, new BigDecimal("0.01"), new BigDecimal("50"))
                    .withObjective(BigDecimal.valueOf(random.nextInt(200) - 100, 4), BigDecimal.valueOf(random.nextInt(20), 4),
                            BigDecimal.valueOf(random.nextInt(5), 4), random.nextInt(3) / 100_000.0, 0,
                            new double[] {0.0001 + random.nextDouble() / 1000}, random.nextInt(20_000) - 10_000.0);
            ObjectiveCurve curve = allocation.objectiveCurve();
            int lots = random.nextInt(5001);
            allocation.setLots(lots);

            double terms = allocation.expectedReturn().subtract(allocation.tradingCost())
                    .subtract(allocation.turnoverPenalty()).doubleValue() - allocation.ownRisk();

            assertThat(curve.quadraticPerLot()).isGreaterThanOrEqualTo(0);
            assertThat(curve.value(lots)).as("order %d at %d lots", order, lots)
                    .isCloseTo(terms, org.assertj.core.data.Offset.offset(1e-9 * (1 + Math.abs(terms))));
        }
    }

    @Test
    void writesThePairRiskAsABilinearTermInLots() {
        java.util.Random random = new java.util.Random(13);
        double[][] covariance = {{0.0004, -0.0001}, {-0.0001, 0.0009}};
        for (int pair = 0; pair < 200; pair++) {
            LotAllocation left = new LotAllocation("P-A", "BTC-USD", random.nextBoolean() ? Side.BUY : Side.SELL,
                    BigDecimal.valueOf(1 + random.nextInt(6_000_000), 2), 0.5, new BigDecimal("0.001"), new BigDecimal("5"))
                    .withObjective(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0.00001, 0, covariance[0], 0);
            LotAllocation right = new LotAllocation("P-B", "ETH-USD", random.nextBoolean() ? Side.BUY : Side.SELL,
                    BigDecimal.valueOf(1 + random.nextInt(500_000), 2), 0.5, new BigDecimal("0.01"), new BigDecimal("50"))
                    .withObjective(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0.00001, 1, covariance[1], 0);
            int k = 1 + random.nextInt(5000);
            int m = 1 + random.nextInt(5000);
            left.setLots(k);
            right.setLots(m);

            assertThat(left.pairRiskPerLots(right) * k * m).as("pair %d", pair)
                    .isCloseTo(left.pairRisk(right), org.assertj.core.data.Offset.offset(1e-9 * (1 + Math.abs(left.pairRisk(right)))));
        }
    }
}
