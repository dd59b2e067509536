package dev.arbiter.kb.fact;

/** Market regime an instrument is in, as detected from its recent bars. */
public enum RegimeKind {
    TRENDING_UP,
    TRENDING_DOWN,
    RANGING,
    HIGH_VOLATILITY,
    CRISIS
}
