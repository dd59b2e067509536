package dev.arbiter.engine.service;

import dev.arbiter.engine.decision.InvalidRequestException;
import java.util.regex.Pattern;

/** What an {@code Idempotency-Key} header may hold. */
final class IdempotencyKeys {

    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,200}");

    private IdempotencyKeys() {
    }

    /** The key, or null when none was sent; refuses a key that is blank, too long or has odd characters. */
    static String checked(String key) {
        if (key == null) {
            return null;
        }
        if (!ACCEPTED.matcher(key).matches()) {
            throw new InvalidRequestException(DecisionController.IDEMPOTENCY_KEY, "'" + (key.length() > 40 ? key.substring(0, 40) + "..." : key) + "'",
                    "1 to 200 characters of A-Z, a-z, 0-9, '.', '_', ':' or '-'");
        }
        return key;
    }
}
