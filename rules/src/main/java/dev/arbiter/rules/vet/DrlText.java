package dev.arbiter.rules.vet;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Line arithmetic over one DRL file's text. */
final class DrlText {

    private static final Pattern RULE_HEADER = Pattern.compile("^\\s*rule\\s+(?:\"([^\"]*)\"|'([^']*)'|(\\S+))");

    private final String text;
    private final String[] lines;

    DrlText(String text) {
        this.text = text;
        this.lines = text.split("\n", -1);
    }

    int lineCount() {
        return lines.length;
    }

    int offsetOfLine(int line) {
        int offset = 0;
        for (int i = 1; i < line && i <= lines.length; i++) {
            offset += lines[i - 1].length() + 1;
        }
        return Math.min(offset, text.length());
    }

    int lineOfOffset(int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The line where {@code snippet} (its first non-blank line) starts, searching from {@code fromLine}; fromLine if not found. */
    int lineOf(String snippet, int fromLine) {
        String first = snippet.strip().lines().findFirst().orElse("").strip();
        if (first.isEmpty()) {
            return Math.max(fromLine, 1);
        }
        int at = text.indexOf(first, offsetOfLine(Math.max(fromLine, 1)));
        return at < 0 ? Math.max(fromLine, 1) : lineOfOffset(at);
    }

    /** The name of the rule whose header is at or above {@code line}, or "" when there is none. */
    String ruleAt(int line) {
        for (int i = Math.min(line, lines.length); i >= 1; i--) {
            Matcher m = RULE_HEADER.matcher(lines[i - 1]);
            if (m.find()) {
                return m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            }
            if (i < line && lines[i - 1].strip().equals("end") && line <= lines.length
                    && !lines[line - 1].isBlank()) {
                return "";
            }
        }
        return "";
    }

    /** The line of {@code rule "name"}, or 0. */
    int ruleLine(String name) {
        for (int i = 1; i <= lines.length; i++) {
            Matcher m = RULE_HEADER.matcher(lines[i - 1]);
            if (m.find() && name.equals(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3))) {
                return i;
            }
        }
        return 0;
    }
}
