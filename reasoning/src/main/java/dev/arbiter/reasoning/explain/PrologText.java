package dev.arbiter.reasoning.explain;

import alice.tuprolog.Struct;
import alice.tuprolog.Term;
import alice.tuprolog.Var;
import java.util.Iterator;
import java.util.regex.Pattern;

/**
 * Terms written as Prolog text for people and logs: atoms that are not plain names are single-quoted
 * with ISO escapes ({@code \'}, {@code \\}, {@code \n}, {@code \t}, {@code \xHH\}), lists in brackets,
 * compounds in canonical form. tuProlog's own {@code toString} does not escape quotes or line breaks.
 */
final class PrologText {

    private static final Pattern PLAIN_ATOM = Pattern.compile("[a-z][A-Za-z0-9_]*");

    private PrologText() {
    }

    static String render(Term term) {
        StringBuilder text = new StringBuilder();
        render(term, text);
        return text.toString();
    }

    /** An atom as Prolog text: bare when it is a plain name, otherwise quoted with escapes. */
    static String atom(String name) {
        return PLAIN_ATOM.matcher(name).matches() || name.equals("[]") ? name : quoted(name);
    }

    /** Any text as a single-quoted Prolog atom, every quote, backslash and control character escaped. */
    static String quoted(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('\'');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\'' -> quoted.append("\\'");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        quoted.append("\\x").append(Integer.toHexString(c)).append('\\');
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('\'').toString();
    }

    private static void render(Term term, StringBuilder text) {
        Term value = term.getTerm();
        if (value instanceof Var variable) {
            text.append(variable.getName());
        } else if (value instanceof Struct struct) {
            if (struct.isAtom()) {
                text.append(atom(struct.getName()));
            } else if (struct.isList()) {
                text.append('[');
                for (Iterator<? extends Term> elements = struct.listIterator(); elements.hasNext(); ) {
                    render(elements.next(), text);
                    if (elements.hasNext()) {
                        text.append(", ");
                    }
                }
                text.append(']');
            } else {
                text.append(atom(struct.getName())).append('(');
                for (int i = 0; i < struct.getArity(); i++) {
                    if (i > 0) {
                        text.append(", ");
                    }
                    render(struct.getArg(i), text);
                }
                text.append(')');
            }
        } else {
            text.append(value);
        }
    }
}
