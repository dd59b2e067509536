package dev.arbiter.kb.fact;

import static dev.arbiter.kb.Require.identifier;
import static dev.arbiter.kb.Require.nonNegative;
import static dev.arbiter.kb.Require.positive;

import java.math.BigDecimal;

/**
 * A margin account's use of its margin: {@code used} of {@code capacity} (in account currency), as the
 * venue reports it. Utilisation is used / capacity.
 */
public record Margin(String accountId, BigDecimal used, BigDecimal capacity) {

    public Margin {
        identifier("Margin", "accountId", accountId);
        nonNegative("Margin", "used", used);
        positive("Margin", "capacity", capacity);
    }
}
