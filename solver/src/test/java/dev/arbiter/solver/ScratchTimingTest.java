package dev.arbiter.solver;

import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.impl.solver.DefaultSolver;
import dev.arbiter.kb.fact.Side;
import dev.arbiter.solver.model.AllocationPlan;
import dev.arbiter.solver.model.GrossExposureLimit;
import dev.arbiter.solver.model.LotAllocation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScratchTimingTest {
    @Test
    void time() {
        SolverFactory<AllocationPlan> factory = SolverFactory.create(CapitalAllocator.solverConfig(AllocatorSettings.defaults(), EnvironmentMode.NO_ASSERT));
        for (int n = 1; n <= 4; n++) {
            for (int rep = 0; rep < 3; rep++) {
                List<LotAllocation> list = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    list.add(new LotAllocation("P" + i, "S" + i, Side.BUY, new BigDecimal(3000 + i * 100), 0.6 - i * 0.1, new BigDecimal("0.1"), new BigDecimal("0.55")));
                }
                DefaultSolver<AllocationPlan> solver = (DefaultSolver<AllocationPlan>) factory.buildSolver();
                long t0 = System.nanoTime();
                AllocationPlan solved = solver.solve(new AllocationPlan(list, new GrossExposureLimit(new BigDecimal("4000"), BigDecimal.ZERO)));
                long t1 = System.nanoTime();
                System.out.println("n " + n + " ms " + (t1 - t0) / 1e6 + " moves " + solver.getSolverScope().getMoveEvaluationCount()
                        + " steps? score " + solved.getScore());
            }
        }
    }
}
