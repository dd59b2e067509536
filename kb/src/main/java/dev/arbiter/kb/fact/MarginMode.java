package dev.arbiter.kb.fact;

/** How a derivative position is margined. */
public enum MarginMode {
    /** The whole account's balance backs every cross position; one liquidation price per position, set by all. */
    CROSS,
    /** Only the margin set aside for the position backs it; a loss beyond that liquidates this position alone. */
    ISOLATED
}
