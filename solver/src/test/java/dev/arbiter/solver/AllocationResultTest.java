package dev.arbiter.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.kb.fact.Side;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The result records and the settings refuse values that would misreport an allocation. */
class AllocationResultTest {

    private static AllocatedOrder order(String quantity) {
        BigDecimal size = new BigDecimal(quantity);
        return new AllocatedOrder("P-BTC", "BTC-USD", Side.BUY, size, new BigDecimal("60000"),
                size.multiply(new BigDecimal("60000")), List.of("capped at " + quantity + " by L1-MAX-ORDER-QTY"));
    }

    @Test
    void refusesAnInfeasibleAllocationThatStillTrades() {
        assertThatThrownBy(() -> new Allocation(List.of(order("0.30")), "-5hard/0soft", false, "no orders: test"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Allocation.orders[0].quantity: 0.30 is not accepted; "
                        + "expected 0: an infeasible allocation trades nothing");
    }

    @Test
    void refusesAnOrderThatDoesNotSayWhatHoldsItsSize() {
        assertThatThrownBy(() -> new AllocatedOrder("P-BTC", "BTC-USD", Side.BUY, BigDecimal.ZERO,
                new BigDecimal("60000"), BigDecimal.ZERO, List.of()))
                .hasMessage("AllocatedOrder.boundBy: [] is not accepted; "
                        + "expected at least one sentence saying what holds the size where it is");
    }

    @Test
    void refusesAnUnimprovedStepCountLimitBelowOne() {
        assertThatThrownBy(() -> new AllocatorSettings(42, 0))
                .hasMessage("AllocatorSettings.unimprovedStepCountLimit: 0 is not accepted; expected a number >= 1, "
                        + "e.g. 200");
    }

    @Test
    void defaultsToSeedZeroAndTwoHundredUnimprovedSteps() {
        assertThat(AllocatorSettings.defaults()).isEqualTo(new AllocatorSettings(0, 200));
    }

    @Test
    void listsOnlyTheTradedOrders() {
        Allocation allocation = new Allocation(List.of(order("0.30"), order("0.00")), "0hard/1soft", true, "test");

        assertThat(allocation.tradedOrders()).extracting(AllocatedOrder::quantity)
                .containsExactly(new BigDecimal("0.30"));
    }
}
