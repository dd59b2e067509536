package dev.arbiter.solver;

import dev.arbiter.kb.fact.Proposal;
import dev.arbiter.kb.fact.Side;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExploratoryOptimalityTest {

    @Test
    void explore() {
        int limit = Integer.getInteger("steps", 300);
        CapitalAllocator allocator = new CapitalAllocator(new AllocatorSettings(0, limit));
        Random random = new Random(7);
        int optimal = 0;
        int runs = Integer.getInteger("runs", 100);
        long totalNanos = 0;
        BigDecimal[] lots = {new BigDecimal("0.01"), new BigDecimal("0.1"), BigDecimal.ONE};
        for (int run = 0; run < runs; run++) {
            int n = 3 + random.nextInt(3);
            List<AllocationCandidate> candidates = new ArrayList<>();
            BigDecimal potential = BigDecimal.ZERO;
            for (int i = 0; i < n; i++) {
                BigDecimal lot = lots[random.nextInt(lots.length)];
                int maxLots = 2 + random.nextInt(12);
                BigDecimal qty = lot.multiply(BigDecimal.valueOf(maxLots));
                BigDecimal price = BigDecimal.valueOf(10 + random.nextInt(5000), 1);
                double conviction = (1 + random.nextInt(99)) / 100.0;
                Proposal p = new Proposal("P" + i, "ACC", "SYM" + i, random.nextBoolean() ? Side.BUY : Side.SELL,
                        qty, price, conviction, "test");
                candidates.add(AllocationCandidate.uncapped(p, lot));
                potential = potential.add(qty.multiply(price));
            }
            BigDecimal max = potential.multiply(BigDecimal.valueOf(20 + random.nextInt(60), 2)).setScale(2, java.math.RoundingMode.DOWN);
            AllocationProblem problem = new AllocationProblem(candidates, max, BigDecimal.ZERO);
            long t0 = System.nanoTime();
            Allocation allocation = allocator.allocate(problem);
            totalNanos += System.nanoTime() - t0;
            BruteForce.Optimum optimum = BruteForce.optimum(problem);
            BigDecimal got = BruteForce.objectiveOf(problem, allocation);
            if (got.compareTo(optimum.objective()) == 0) {
                optimal++;
            } else {
                System.out.println("run " + run + " got " + got + " optimum " + optimum.objective() + " " + allocation.score());
            }
        }
        System.out.println("OPTIMAL " + optimal + "/" + runs + " avg ms " + totalNanos / runs / 1e6);
    }
}
