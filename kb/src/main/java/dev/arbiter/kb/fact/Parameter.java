package dev.arbiter.kb.fact;

import static dev.arbiter.kb.Require.present;

import dev.arbiter.kb.InvalidFactException;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * A named strategy or sizing parameter from the parameters file, e.g. {@code momentum-target-notional}.
 * Parameters tune what strategies propose and how the solver weighs them; limits bound what may pass.
 * Keeping them apart lets a quant search parameters without touching a risk officer's limits.
 */
public record Parameter(String name, BigDecimal value) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    public Parameter {
        present("Parameter", "name", name);
        if (!NAME.matcher(name).matches()) {
            throw new InvalidFactException("Parameter", "name", name,
                    "lower-case words and digits joined by dashes, e.g. momentum-target-notional");
        }
        present("Parameter", "value", value);
    }
}
