package dev.arbiter.rules.pack;

import java.util.Objects;

/**
 * One DRL file of a rule set.
 *
 * @param path the file's path inside the rule set, e.g. {@code l3-account/daily-loss.drl}
 * @param drl  the file's text
 */
public record RuleSource(String path, String drl) {

    public RuleSource {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(drl, "drl");
        if (!path.endsWith(".drl")) {
            throw new IllegalArgumentException("RuleSource.path: '" + path + "' is not accepted; expected a file ending in .drl");
        }
    }
}
