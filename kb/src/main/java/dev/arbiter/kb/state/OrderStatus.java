package dev.arbiter.kb.state;

/** Where an order the engine approved stands, as the trading system reports it. */
public enum OrderStatus {
    /** approved by the engine, not yet reported by the trading system */
    APPROVED,
    ACKNOWLEDGED,
    PARTIALLY_FILLED,
    FILLED,
    CANCELLED,
    REJECTED,
    /** not reported within the time in force after its approval */
    EXPIRED;

    /** Whether the order is done: it no longer reserves balance or counts towards exposure. */
    public boolean terminal() {
        return this == FILLED || this == CANCELLED || this == REJECTED || this == EXPIRED;
    }
}
