package dev.arbiter.scenarios.spec;

/**
 * A statement about a scenario's outcome that the runner checks; the run fails when one does not hold.
 *
 * @param check  what is checked: {@code max-drawdown}, {@code total-return}, {@code trades},
 *               {@code rule-fires}, {@code rule-silent}, {@code no-open-while-halted}, {@code halts},
 *               {@code liquidations} (perpetual positions the venue liquidated)
 * @param rule   the reason code, for {@code rule-fires} and {@code rule-silent}
 * @param atLeast lower bound, or null
 * @param atMost  upper bound, or null
 */
public record Expectation(String check, String rule, Double atLeast, Double atMost) {

    public static final java.util.List<String> CHECKS = java.util.List.of("max-drawdown", "total-return", "trades",
            "rule-fires", "rule-silent", "no-open-while-halted", "halts", "liquidations");

    /** How the expectation reads in a report, e.g. {@code max-drawdown <= 0.15}. */
    public String describe() {
        String subject = rule == null ? check : check + " " + rule;
        StringBuilder text = new StringBuilder(subject);
        if (atLeast != null) {
            text.append(" >= ").append(atLeast);
        }
        if (atMost != null) {
            text.append(atLeast != null ? " and <= " : " <= ").append(atMost);
        }
        return text.toString();
    }
}
