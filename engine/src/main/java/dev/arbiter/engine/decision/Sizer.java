package dev.arbiter.engine.decision;

import dev.arbiter.solver.Allocation;
import dev.arbiter.solver.AllocationProblem;

/**
 * Sizes the proposals that survived the rules. The engine uses the Timefold allocator; the proof
 * stage checks whatever a sizer returns, so a faulty sizer cannot send an order past a hard limit.
 */
@FunctionalInterface
public interface Sizer {

    Allocation size(AllocationProblem problem);
}
