/**
 * The one exposure and margin model: notional at mark, initial and maintenance margin by the venue's notional
 * tiers, unrealised P&amp;L, margin ratio, liquidation price, gross and net exposure, cluster and sector shares.
 * Exact decimals throughout. The engine's state, the rule facts, the sizing, the proof and the simulator all
 * compute these figures here and nowhere else.
 */
package dev.arbiter.kb.margin;
