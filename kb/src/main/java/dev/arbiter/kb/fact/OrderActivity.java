package dev.arbiter.kb.fact;

import static dev.arbiter.kb.Require.identifier;

import dev.arbiter.kb.InvalidFactException;

/**
 * How many orders and messages an account sent in the sliding window before this decision, as the
 * engine counted them. Rate-limit rules compare these counts with their limits (RTS 6 Art. 15(1)(d)).
 */
public record OrderActivity(String accountId, long windowSeconds, int ordersInWindow, int messagesInWindow) {

    public OrderActivity {
        identifier("OrderActivity", "accountId", accountId);
        if (windowSeconds < 1) {
            throw new InvalidFactException("OrderActivity", "windowSeconds", windowSeconds, "a number >= 1");
        }
        if (ordersInWindow < 0) {
            throw new InvalidFactException("OrderActivity", "ordersInWindow", ordersInWindow, "a number >= 0");
        }
        if (messagesInWindow < ordersInWindow) {
            throw new InvalidFactException("OrderActivity", "messagesInWindow", messagesInWindow,
                    "a number >= ordersInWindow (" + ordersInWindow + "): every order is a message");
        }
    }
}
