package dev.arbiter.kb.fact;

/**
 * Trading state of an account, an instrument or the whole engine. REDUCING lets only orders through
 * that shrink an existing position; HALTED lets nothing through.
 */
public enum TradingState {
    ACTIVE,
    REDUCING,
    HALTED
}
