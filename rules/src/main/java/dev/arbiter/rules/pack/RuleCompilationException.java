package dev.arbiter.rules.pack;

import java.util.List;
import java.util.stream.Collectors;

/** A rule set did not compile. Nothing from it is used: the previous rule set stays in force. */
public final class RuleCompilationException extends RuntimeException {

    private final List<RuleDiagnostic> diagnostics;

    public RuleCompilationException(String ruleSet, List<RuleDiagnostic> diagnostics) {
        super("rule set '" + ruleSet + "' does not compile:\n" + diagnostics.stream()
                .map(d -> "  " + d).collect(Collectors.joining("\n")));
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<RuleDiagnostic> diagnostics() {
        return diagnostics;
    }
}
