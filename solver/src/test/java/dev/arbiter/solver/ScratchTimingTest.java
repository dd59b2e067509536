package dev.arbiter.solver;

import dev.arbiter.kb.fact.Proposal;
import dev.arbiter.kb.fact.Side;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ScratchTimingTest {
    @Test
    void time() {
        CapitalAllocator allocator = new CapitalAllocator(new AllocatorSettings(0, Integer.getInteger("steps", 200)));
        Random random = new Random(7);
        int optimal = 0, runs = Integer.getInteger("runs", 100);
        long total = 0;
        BigDecimal[] lots = {new BigDecimal("0.01"), new BigDecimal("0.1"), BigDecimal.ONE};
        List<AllocationProblem> problems = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            int n = 1 + random.nextInt(6);
            List<AllocationCandidate> candidates = new ArrayList<>();
            BigDecimal potential = BigDecimal.ZERO;
            for (int i = 0; i < n; i++) {
                BigDecimal lot = lots[random.nextInt(lots.length)];
                int maxLots = 2 + random.nextInt(12);
                BigDecimal qty = lot.multiply(BigDecimal.valueOf(maxLots));
                BigDecimal price = BigDecimal.valueOf(10 + random.nextInt(5000), 1);
                double conviction = (1 + random.nextInt(99)) / 100.0;
                Proposal p = new Proposal("P" + i, "ACC", "SYM" + i, Side.BUY, qty, price, conviction, "test");
                candidates.add(random.nextInt(10) == 0
                        ? new AllocationCandidate(p, BigDecimal.ZERO, lot, List.of("L1-ZERO"))
                        : AllocationCandidate.uncapped(p, lot));
                potential = potential.add(qty.multiply(price));
            }
            BigDecimal max = potential.multiply(BigDecimal.valueOf(20 + random.nextInt(60), 2)).setScale(2, java.math.RoundingMode.DOWN);
            problems.add(new AllocationProblem(candidates, max, BigDecimal.ZERO));
        }
        for (int run = 0; run < runs; run++) {
            AllocationProblem problem = problems.get(run);
            long t0 = System.nanoTime();
            Allocation allocation = allocator.allocate(problem);
            total += System.nanoTime() - t0;
            if (BruteForce.objectiveOf(problem, allocation).compareTo(BruteForce.optimum(problem).objective()) == 0) optimal++;
        }
        System.out.println("acc " + Integer.getInteger("acc", 40) + " steps " + Integer.getInteger("steps", 200) + " OPTIMAL " + optimal + "/" + runs + " avg ms " + total / runs / 1e6);
    }
}
