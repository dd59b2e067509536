package dev.arbiter.kb.fact;

import static dev.arbiter.kb.Require.present;

import dev.arbiter.kb.InvalidFactException;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * A named limit value. Rules reference limits by name ({@code Limit(name == "max-order-quantity")})
 * instead of hard-coding numbers, so a risk officer changes a limit without touching a rule.
 *
 * @param name  lower-case words joined by dashes, e.g. {@code max-gross-exposure}
 * @param value the limit; its unit is part of the name's documented meaning
 */
public record Limit(String name, BigDecimal value) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    public Limit {
        present("Limit", "name", name);
        if (!NAME.matcher(name).matches()) {
            throw new InvalidFactException("Limit", "name", name,
                    "lower-case words and digits joined by dashes, e.g. max-order-quantity");
        }
        present("Limit", "value", value);
    }
}
