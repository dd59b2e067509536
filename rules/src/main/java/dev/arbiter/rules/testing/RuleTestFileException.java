package dev.arbiter.rules.testing;

/** A rule-test file that cannot be read: names the file and what is wrong in it. */
public final class RuleTestFileException extends IllegalArgumentException {

    public RuleTestFileException(String file, String problem) {
        super(file + ": " + problem);
    }
}
