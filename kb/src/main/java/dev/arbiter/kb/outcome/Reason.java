package dev.arbiter.kb.outcome;

import static dev.arbiter.kb.Require.present;
import static dev.arbiter.kb.Require.text;

import dev.arbiter.kb.InvalidFactException;
import java.util.regex.Pattern;

/**
 * Why a rule concluded what it did.
 *
 * @param rule        the rule's name as written in its DRL file
 * @param code        stable reason code clients and auditors key on, e.g. {@code L3-DAILY-LOSS}
 * @param layer       the rule's layer
 * @param legalSource the regulation the control implements, e.g. {@code RTS 6 Art. 15(1)(b)}, or empty
 * @param message     one sentence with the numbers behind the conclusion
 */
public record Reason(String rule, String code, Layer layer, String legalSource, String message) {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*(-[A-Z0-9_]+)*");

    public Reason {
        text("Reason", "rule", rule);
        present("Reason", "code", code);
        if (!CODE.matcher(code).matches()) {
            throw new InvalidFactException("Reason", "code", code,
                    "upper-case words and digits joined by dashes or underscores, e.g. L3-DAILY-LOSS");
        }
        present("Reason", "layer", layer);
        present("Reason", "legalSource", legalSource);
        text("Reason", "message", message);
    }
}
