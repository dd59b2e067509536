package dev.arbiter.kb.fact;

/**
 * What holding an instrument means. Inverse (coin-margined) perpetuals are not listed: their P&amp;L is in the
 * base coin, which an account kept in one quote currency cannot book without a conversion the engine does not own.
 */
public enum InstrumentKind {
    /** Bought with cash and held; cannot be sold short; no leverage, no liquidation. */
    SPOT,
    /** A USDT-margined perpetual: long or short on margin, P&amp;L and margin in the quote currency, funding paid. */
    LINEAR_PERPETUAL;

    /** Whether a position may go below zero. */
    public boolean shortable() {
        return this != SPOT;
    }
}
