package dev.arbiter.rules.pack;

/**
 * A problem found while compiling a rule set, located as precisely as Drools allows.
 *
 * @param file    the DRL file's path inside the rule set
 * @param line    1-based line, or 0 when unknown
 * @param message what is wrong
 */
public record RuleDiagnostic(String file, int line, String message) {

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
