/**
 * The simulated venue's perpetual futures: which scenario instruments are perpetuals and on what contract terms,
 * the real funding-rate files, the account measured by the kb's margin model ({@code kb.margin.BookRisk}: margin,
 * unrealised P&amp;L, margin ratio, liquidation prices; never a formula of its own here), and what a run records of
 * funding and liquidations.
 */
package dev.arbiter.scenarios.margin;
