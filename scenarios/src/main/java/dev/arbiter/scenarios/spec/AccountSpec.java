package dev.arbiter.scenarios.spec;

import java.math.BigDecimal;

/** The simulated account at the start: its id and cash (all equity is cash at the start). */
public record AccountSpec(String accountId, BigDecimal startingCash) {
}
