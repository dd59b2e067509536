/**
 * Custom local-search moves for the allocation. Sizing orders under a shared gross-exposure budget is
 * a bounded knapsack: leaving a good local optimum often means resizing several orders at once (shrink
 * a few to make room, grow another), which single-order moves cannot do without passing through an
 * allocation above the limit. {@link dev.arbiter.solver.search.RebalanceMove} does it in one step;
 * {@link dev.arbiter.solver.search.RebalanceMoveIteratorFactory} draws them for the search one at a time.
 */
package dev.arbiter.solver.search;
