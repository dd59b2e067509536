package dev.arbiter.scenarios.spec;

/**
 * When the simulator closes an entry: at its protective stop (the strategy rule's stop, or the client's),
 * and after {@code maxHoldingBars} bars at the next bar's open. Exits reduce risk: they are executed
 * like resting stop orders at the venue, without a pre-trade decision.
 */
public record ExitSpec(boolean useStops, int maxHoldingBars) {

    public static final ExitSpec DEFAULT = new ExitSpec(true, 24);
}
