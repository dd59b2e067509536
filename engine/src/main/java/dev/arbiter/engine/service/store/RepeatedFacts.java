package dev.arbiter.engine.service.store;

import dev.arbiter.engine.json.CanonicalJson;
import dev.arbiter.rules.session.TracedFact;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * A stored trace writes out each fact its rule firings matched or concluded once. A check's firings match the same few
 * facts again and again (its proposal, its account, its instrument, the limits): written out at every firing, they
 * were over half of the firings' text. In the stored form a fact written out earlier in the trace's firings is written
 * as its number instead: how many facts were written out before it, in the order of the text. Read back, each number
 * is replaced by the text of the fact it counts, so the trace is the same text, byte for byte, as the trace written
 * whole.
 *
 * <p>A number in a firing's {@code matched} or {@code concluded} list can only be such a reference: written whole, a
 * firing's facts are JSON objects (or, in traces stored before facts were typed, strings), never numbers. Traces
 * stored before this form hold no numbers there and read back as they are.
 */
final class RepeatedFacts {

    private static final List<String> FACT_LISTS = List.of("matched", "concluded");
    private static final List<String> FIRST_REFERENCES = List.of("\"matched\":[", "\"concluded\":[", "},");

    private RepeatedFacts() {
    }

    /**
     * The facts written out so far in one trace, by the identity of their record, and their text. A firing records the
     * engine's own fact objects, which are immutable, so the same object writes the same text wherever it recurs.
     *
     * <p>The writer marks each reference as the fact's number between two NUL characters, which canonical JSON never
     * holds outside the marks (a string's control characters are escaped). One pass over the marked text then gives
     * the stored form (the numbers) and the whole trace (the facts), without parsing either.
     */
    static final class Written {
        private static final char MARK = '\0';

        private final Map<Object, Integer> numbers = new IdentityHashMap<>();
        private final List<String> texts = new ArrayList<>();

        /** The marked text as stored: each reference a number. */
        String stored(String marked) {
            return replaced(marked, false);
        }

        /** The marked text with every fact written out: as the trace is written whole. */
        String whole(String marked) {
            return replaced(marked, true);
        }

        private String replaced(String marked, boolean facts) {
            int mark = marked.indexOf(MARK);
            if (mark < 0) {
                return marked;
            }
            StringBuilder text = new StringBuilder(marked.length() + (facts ? marked.length() / 2 : 0));
            int from = 0;
            for (; mark >= 0; mark = marked.indexOf(MARK, from)) {
                int close = marked.indexOf(MARK, mark + 1);
                text.append(marked, from, mark);
                if (facts) {
                    text.append(texts.get(Integer.parseInt(marked, mark + 1, close, 10)));
                } else {
                    text.append(marked, mark + 1, close);
                }
                from = close + 1;
            }
            return text.append(marked, from, marked.length()).toString();
        }
    }

    /**
     * Writes a firing's facts, each fact written out before as its marked number; needs a {@link Written} attribute.
     * A fact is written out as {@link CanonicalJson#write} writes it, which is the text it has in the trace written
     * whole.
     */
    static final class Once extends ValueSerializer<List<TracedFact>> {

        @Override
        public void serialize(List<TracedFact> facts, JsonGenerator generator, SerializationContext context) {
            Written written = (Written) context.getAttribute(Written.class);
            generator.writeStartArray();
            for (TracedFact fact : facts) {
                // a fact traced as text has no record to recognise it by: written out, and counted, every time
                Object key = fact instanceof TracedFact.Typed typed ? typed.fact() : new Object();
                Integer earlier = written.numbers.get(key);
                if (earlier != null) {
                    generator.writeRawValue(Written.MARK + earlier.toString() + Written.MARK);
                } else {
                    String text = CanonicalJson.write(fact);
                    written.numbers.put(key, written.texts.size());
                    written.texts.add(text);
                    generator.writeRawValue(text);
                }
            }
            generator.writeEndArray();
        }
    }

    /** The stored text with every fact number replaced by the fact it counts. */
    static String expanded(String stored) {
        if (!mayReferToFacts(stored)) {
            return stored;
        }
        List<int[]> writtenOut = new ArrayList<>();
        StringBuilder whole = null;
        int from = 0;
        try (JsonParser parser = CanonicalJson.mapper().createParser(stored)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.START_OBJECT && isFactList(parser.streamReadContext().getParent())) {
                    int start = (int) parser.currentTokenLocation().getCharOffset();
                    parser.skipChildren();
                    writtenOut.add(new int[] {start, (int) parser.currentTokenLocation().getCharOffset() + 1});
                } else if (token == JsonToken.VALUE_NUMBER_INT && isFactList(parser.streamReadContext())) {
                    int start = (int) parser.currentTokenLocation().getCharOffset();
                    int number = parser.getIntValue();
                    if (number < 0 || number >= writtenOut.size()) {
                        throw new IllegalStateException("the stored trace refers to fact " + number + " of its firings"
                                + " at character " + start + ", but only " + writtenOut.size() + " were written before it");
                    }
                    int[] fact = writtenOut.get(number);
                    if (whole == null) {
                        whole = new StringBuilder(stored.length() * 2);
                    }
                    whole.append(stored, from, start).append(stored, fact[0], fact[1]);
                    from = start + parser.getText().length();
                }
            }
        } catch (JacksonException e) {
            String at = e.getLocation() == null ? "" : " at character " + e.getLocation().getCharOffset();
            throw new IllegalStateException("the stored trace is not JSON" + at
                    + ": it was edited or damaged in the database", e);
        }
        return whole == null ? stored : whole.append(stored, from, stored.length()).toString();
    }

    /**
     * Whether the text may hold a fact number: the first number of a run of them follows a list's opening bracket, or a
     * fact written out before it. Traces stored whole mostly have neither, and are not parsed.
     */
    private static boolean mayReferToFacts(String stored) {
        for (String before : FIRST_REFERENCES) {
            for (int at = stored.indexOf(before); at >= 0; at = stored.indexOf(before, at + 1)) {
                int next = at + before.length();
                if (next < stored.length() && stored.charAt(next) >= '0' && stored.charAt(next) <= '9') {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether {@code list} is a firing's {@code matched} or {@code concluded} list: {@code $.firings[i].matched}. */
    private static boolean isFactList(TokenStreamContext list) {
        if (list == null || !list.inArray()) {
            return false;
        }
        TokenStreamContext firing = list.getParent();
        if (firing == null || !firing.inObject() || !FACT_LISTS.contains(firing.currentName())) {
            return false;
        }
        TokenStreamContext firings = firing.getParent();
        if (firings == null || !firings.inArray()) {
            return false;
        }
        TokenStreamContext trace = firings.getParent();
        return trace != null && trace.inObject() && "firings".equals(trace.currentName())
                && trace.getParent() != null && trace.getParent().inRoot();
    }
}
