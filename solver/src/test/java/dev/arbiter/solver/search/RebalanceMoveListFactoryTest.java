package dev.arbiter.solver.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.kb.fact.Side;
import dev.arbiter.solver.model.AllocationPlan;
import dev.arbiter.solver.model.GrossExposureLimit;
import dev.arbiter.solver.model.LotAllocation;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RebalanceMoveListFactoryTest {

    private final RebalanceMoveListFactory factory = new RebalanceMoveListFactory();

    private static LotAllocation allocation(String id, String lotValue, double conviction, int maxLots, int lots) {
        LotAllocation allocation = new LotAllocation(id, id.substring(2) + "-USD", Side.BUY, new BigDecimal(lotValue),
                conviction, BigDecimal.ONE, BigDecimal.valueOf(maxLots));
        allocation.setLots(lots);
        return allocation;
    }

    /** Greedy placed BTC (600) and SOL (3 × 100) in a budget of 1000; ETH at 2 × 500 is worth more. */
    @Test
    void growsOneOrderByShrinkingTheOthersAndRefillingWhatIsLeft() {
        LotAllocation btc = allocation("P-BTC", "600", 0.9, 1, 1);
        LotAllocation eth = allocation("P-ETH", "500", 0.8, 2, 0);
        LotAllocation sol = allocation("P-SOL", "100", 0.5, 3, 3);
        AllocationPlan plan = new AllocationPlan(List.of(btc, eth, sol),
                new GrossExposureLimit(new BigDecimal("1000"), BigDecimal.ZERO));

        List<RebalanceMove> moves = factory.createMoveList(plan);

        assertThat(moves).extracting(RebalanceMove::newLotsByProposalId)
                .contains(Map.of("P-BTC", 0, "P-ETH", 2, "P-SOL", 0))
                .doesNotHaveDuplicates();
        assertThat(moves).allSatisfy(move -> assertThat(move.getPlanningEntities()).hasSize(1));
    }

    @Test
    void leavesOutTargetsNothingCanMakeRoomFor() {
        LotAllocation btc = allocation("P-BTC", "600", 0.9, 3, 1);
        AllocationPlan plan = new AllocationPlan(List.of(btc),
                new GrossExposureLimit(new BigDecimal("1000"), BigDecimal.ZERO));

        List<RebalanceMove> moves = factory.createMoveList(plan);

        assertThat(moves).extracting(RebalanceMove::newLotsByProposalId)
                .containsExactly(Map.of("P-BTC", 0));
    }

    @Test
    void shrinksTheLowestConvictionOrdersWhenAPlanIsAboveTheLimit() {
        LotAllocation btc = allocation("P-BTC", "600", 0.9, 2, 2);
        LotAllocation sol = allocation("P-SOL", "100", 0.5, 3, 3);
        AllocationPlan plan = new AllocationPlan(List.of(btc, sol),
                new GrossExposureLimit(new BigDecimal("1000"), BigDecimal.ZERO));

        List<RebalanceMove> moves = factory.createMoveList(plan);

        // SOL 3 -> 2 frees 100 of the 500 too much; BTC would need 1 lot: both ways of freeing the rest are offered
        assertThat(moves).extracting(RebalanceMove::newLotsByProposalId)
                .contains(Map.of("P-SOL", 2, "P-BTC", 1));
    }
}
