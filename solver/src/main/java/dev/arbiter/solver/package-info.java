/**
 * Capital allocation: sizes the proposals that survived the risk rules so that every order stays
 * within its cap and above the venue's minimum, and the portfolio within every limit (gross and net
 * exposure, leverage, free balance, instrument, cluster and sector shares), while expected return less
 * covariance risk, costs and turnover is as large as possible (see {@code docs/allocation.md}). {@link dev.arbiter.solver.CapitalAllocator} takes an
 * {@link dev.arbiter.solver.AllocationProblem} and returns an {@link dev.arbiter.solver.Allocation}
 * in which every order says, in one sentence per constraint, what holds its size where it is. One
 * order, or a few, are sized exactly by {@code ExactSizer} without a search; larger problems by Timefold.
 *
 * <p>The planning model, the constraints and the custom search moves behind it live in {@code model},
 * {@code constraints} and {@code search}; nothing outside this module needs them.
 */
package dev.arbiter.solver;
