package dev.arbiter.rules.pack;

import java.util.Objects;

/**
 * A problem found while vetting or compiling a rule set, in words a risk officer can act on.
 *
 * @param file    the DRL file's path inside the rule set
 * @param line    1-based line, or 0 when unknown
 * @param rule    the rule (or {@code function ...}) the problem is in, or "" when it is outside any rule
 * @param message what is wrong
 * @param hint    what to do about it, or "" when there is nothing more to say
 */
public record RuleDiagnostic(String file, int line, String rule, String message, String hint) {

    public RuleDiagnostic {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        rule = rule == null ? "" : rule;
        hint = hint == null ? "" : hint;
    }

    /** A problem with no rule to name and no hint. */
    public RuleDiagnostic(String file, int line, String message) {
        this(file, line, "", message, "");
    }

    /** Reads like {@code l1/x.drl:12 rule "Foo": System.exit is not allowed in a rule: ... Hint: ...}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(file);
        if (line > 0) {
            text.append(':').append(line);
        }
        if (!rule.isEmpty()) {
            text.append(rule.startsWith("function ") ? " " + rule : " rule \"" + rule + "\"");
        }
        text.append(": ").append(message);
        if (!hint.isEmpty()) {
            text.append(message.endsWith(".") ? " " : ". ").append("Hint: ").append(hint);
        }
        return text.toString();
    }
}
