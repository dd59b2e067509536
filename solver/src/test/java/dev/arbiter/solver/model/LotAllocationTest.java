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
}
