package dev.arbiter.mlbridge.features;

/**
 * What the bar policy noticed about an accepted (or ignored) bar. Rejected bars raise an error
 * instead and leave the stream as it was.
 *
 * @param kind   {@code GAP} (bars missing before this one; indicators run over the bars received, nothing
 *               is filled in) or {@code DUPLICATE} (an identical repeat of the last bar, ignored)
 * @param detail numbers behind the flag
 */
public record BarFlag(Kind kind, String detail) {

    public enum Kind { GAP, DUPLICATE }
}
