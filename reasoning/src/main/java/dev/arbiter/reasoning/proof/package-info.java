/**
 * Proofs that a decision's orders respect every hard limit. {@link dev.arbiter.reasoning.proof.LimitProver}
 * states each order's quantity and price as exact Z3 reals and each hard limit (gross and net exposure,
 * leverage, free balance, margin utilisation, instrument, cluster and sector shares, position quantity,
 * minimum notional, per-proposal maximum quantity, non-negative quantity) as a named, tracked constraint. A
 * satisfiable set is a proof ({@code PROVED}); an unsatisfiable one names the violated limits from the
 * solver's unsat cores, each with a sentence whose numbers are computed exactly with {@code BigDecimal}
 * ({@code VIOLATED}); a timeout gives {@code UNKNOWN}, which callers treat as a refusal. Every limit is stated
 * so that sending nothing passes it, even where the holdings already break it, so a decision without orders is
 * {@code PROVED} without a solver call.
 *
 * <p>The package owns the per-decision Z3 context; the rule-set analysis ({@code reasoning.analysis}) makes
 * its own, one per analysis.
 */
package dev.arbiter.reasoning.proof;
