package dev.arbiter.kb.fact;

/** Market-data anomalies the systemic and operational risk layers react to. */
public enum AnomalyKind {
    FLASH_CRASH,
    STALE_FEED,
    DATA_GAP,
    SPREAD_BLOWOUT
}
