package dev.arbiter.solver;

import dev.arbiter.kb.InvalidFactException;

/**
 * How the allocator searches. Both settings are part of a decision's replay record: the same
 * settings and the same problem give the same allocation, bit for bit.
 *
 * @param randomSeed               seed of the solver's random generator
 * @param unimprovedStepCountLimit local search stops after this many steps without a better
 *                                 allocation, &ge; 1 (never a time limit, which would not replay)
 */
public record AllocatorSettings(long randomSeed, int unimprovedStepCountLimit) {

    private static final long DEFAULT_RANDOM_SEED = 0L;
    private static final int DEFAULT_UNIMPROVED_STEP_COUNT_LIMIT = 200;

    public AllocatorSettings {
        if (unimprovedStepCountLimit < 1) {
            throw new InvalidFactException("AllocatorSettings", "unimprovedStepCountLimit", unimprovedStepCountLimit,
                    "a number >= 1, e.g. " + DEFAULT_UNIMPROVED_STEP_COUNT_LIMIT);
        }
    }

    /** Seed 0 and 200 unimproved steps: enough for a few proposals, solved in well under a second. */
    public static AllocatorSettings defaults() {
        return new AllocatorSettings(DEFAULT_RANDOM_SEED, DEFAULT_UNIMPROVED_STEP_COUNT_LIMIT);
    }
}
