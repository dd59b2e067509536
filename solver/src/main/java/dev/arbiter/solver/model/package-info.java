/**
 * The planning model Timefold searches: {@link dev.arbiter.solver.model.AllocationPlan} (the planning
 * solution), {@link dev.arbiter.solver.model.LotAllocation} (one planning entity per candidate, whose
 * planning variable is a number of lots) and {@link dev.arbiter.solver.model.GrossExposureLimit} (the
 * problem fact the gross-exposure constraint reads). Also the exact money arithmetic and number
 * formatting the constraints and the explanations share ({@link dev.arbiter.solver.model.Amounts}).
 *
 * <p>Internal to the solver module: callers use {@link dev.arbiter.solver.CapitalAllocator}.
 */
package dev.arbiter.solver.model;
