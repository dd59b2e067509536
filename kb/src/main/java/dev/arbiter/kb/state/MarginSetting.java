package dev.arbiter.kb.state;

import dev.arbiter.kb.fact.MarginMode;

/** How the account margins its positions in one instrument, as it last set it (cross unless set otherwise). */
public record MarginSetting(String symbol, MarginMode mode) {
}
