/**
 * Capital allocation: sizes the proposals that survived the risk rules so that every order stays
 * within its cap and gross exposure stays within its limit, while conviction-weighted notional is as
 * large as possible. {@link dev.arbiter.solver.CapitalAllocator} takes an
 * {@link dev.arbiter.solver.AllocationProblem} and returns an {@link dev.arbiter.solver.Allocation}
 * in which every order says, in one sentence per constraint, what holds its size where it is.
 *
 * <p>The planning model, the constraints and the custom search moves behind it live in {@code model},
 * {@code constraints} and {@code search}; nothing outside this module needs them.
 */
package dev.arbiter.solver;
