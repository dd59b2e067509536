package dev.arbiter.kb.fact;

/** Direction of an order, an intent or a proposal. */
public enum Side {
    BUY,
    SELL;

    /** +1 for a buy, -1 for a sell: the sign a filled quantity adds to a position. */
    public int sign() {
        return this == BUY ? 1 : -1;
    }
}
