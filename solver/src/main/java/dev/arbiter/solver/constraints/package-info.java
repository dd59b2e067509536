/**
 * The allocation's constraints ({@link dev.arbiter.solver.constraints.AllocationConstraintProvider}),
 * the justification each of them attaches to its matches (one sentence with the numbers behind it)
 * and the fixed integer units money is scored in ({@link dev.arbiter.solver.constraints.ScoreUnits}).
 */
package dev.arbiter.solver.constraints;
