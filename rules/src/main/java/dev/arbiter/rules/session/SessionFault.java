package dev.arbiter.rules.session;

/**
 * Why a session did not finish normally: a rule threw, the session fired more often than allowed
 * (a rule re-triggering itself), or it ran past its deadline. The decision then fails closed.
 *
 * @param rule the rule that threw, fired last or was running; empty when none had fired
 */
public record SessionFault(Kind kind, String rule, String detail) {

    public enum Kind { RULE_EXCEPTION, TOO_MANY_FIRINGS, DEADLINE }

    /** One sentence for the rejection every proposal gets. */
    public String message() {
        String where = rule.isEmpty() ? "" : " in rule \"" + rule + "\"";
        return switch (kind) {
            case RULE_EXCEPTION -> "the rule session failed" + where + ": " + detail + "; no order goes out";
            case TOO_MANY_FIRINGS -> "the rule session fired too often" + where + ": " + detail + "; no order goes out";
            case DEADLINE -> "the rule session ran past its deadline" + where + ": " + detail + "; no order goes out";
        };
    }
}
