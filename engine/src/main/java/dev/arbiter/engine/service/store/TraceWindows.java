package dev.arbiter.engine.service.store;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.arbiter.engine.decision.DecisionRequest;
import dev.arbiter.engine.decision.DecisionTrace;
import dev.arbiter.engine.decision.MarketSeries;
import dev.arbiter.engine.decision.MarketView;
import dev.arbiter.engine.json.CanonicalJson;
import dev.arbiter.kb.fact.IndicatorValue;
import dev.arbiter.rules.session.Firing;
import dev.arbiter.rules.session.TracedFact;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import java.util.function.Predicate;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.json.JsonMapper;

/**
 * The parts of a trace that many decisions share, stored once however many decisions saw them: each series' bars,
 * the market views (the last bar, indicators, regimes and anomalies of every instrument) and the indicator values the
 * rules saw. Every check of an account sees the same bars and the same views until the next bar arrives, so a trace
 * stored whole would repeat the same kilobytes in every decision. A stored trace names each such window by the SHA-256
 * of its canonical JSON instead, and the window is stored under that name: the trace's audit record covers the name,
 * and verifying the chain checks once that every window a decision names is there and still hashes to its name, so
 * editing or deleting a stored window is caught like editing the trace itself.
 *
 * <p>Within a trace, the facts its rule firings matched or concluded are written out once ({@link RepeatedFacts}).
 *
 * <p>Read back, a trace is the same text, byte for byte, as the trace written whole ({@link CanonicalJson#write}):
 * each fact number is replaced by the fact, each name by the window it names.
 */
public final class TraceWindows {

    /** Windows remembered after reading them: the windows of the last minutes are what most reads ask for. */
    private static final int REMEMBERED = 256;

    /**
     * The members a stored trace may hold a name in: each holds a list when written whole, so a 64-digit hex string as
     * its value can only be a name (inside a JSON string the quotes would be escaped, so the text never occurs there).
     */
    private static final List<String> NAMED_MEMBERS = List.of("bars", "market", "indicators");
    /** Each member's text as it stands before a name: {@code "bars":"}. */
    private static final List<String> MARKERS = NAMED_MEMBERS.stream().map(m -> "\"" + m + "\":\"").toList();
    private static final int NAME_LENGTH = 64;

    /** Where a name stands in a stored trace: from the member's opening quote to the value's closing one. */
    private record NameAt(int start, int end, String member, String name) {
    }

    /**
     * The canonical writer, with the shared parts written as their window's name: a series' bars, a request's market
     * views and a trace's indicator values (the views' own indicators stay inside the view's window).
     */
    private static final ObjectWriter NAMING = CanonicalJson.mapper().rebuild()
            .addMixIn(MarketSeries.class, NamedBars.class)
            .addMixIn(DecisionRequest.class, NamedMarket.class)
            .addMixIn(DecisionTrace.class, NamedIndicators.class)
            .addMixIn(Firing.class, FactsOnce.class)
            .build().writer();

    /** A trace as stored: its text naming windows, the windows it names (name to canonical JSON), and its whole text. */
    public record Split(String stored, Map<String, String> windows, String whole) {
    }

    private final JdbcTemplate jdbc;
    private final Map<String, String> remembered = new LinkedHashMap<>(REMEMBERED, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED;
        }
    };

    public TraceWindows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The trace as stored: with its shared parts named rather than written out. */
    public static Split split(DecisionTrace trace) {
        Map<String, String> windows = new TreeMap<>();
        RepeatedFacts.Written facts = new RepeatedFacts.Written();
        String marked = NAMING.withAttribute(Collector.class, new Collector(windows))
                .withAttribute(RepeatedFacts.Written.class, facts).writeValueAsString(trace);
        return new Split(facts.stored(marked), windows, windowsWrittenOut(facts.whole(marked), windows::get));
    }

    /**
     * The stored text with every fact and every window it names written out: the trace as {@link CanonicalJson#write}
     * gives it.
     */
    static String whole(String stored, Function<String, String> window) {
        return windowsWrittenOut(RepeatedFacts.expanded(stored), window);
    }

    /** The text with every window it names written out. */
    private static String windowsWrittenOut(String stored, Function<String, String> window) {
        List<NameAt> names = namesAt(stored);
        if (names.isEmpty()) {
            return stored; // stored before windows were, or without anything shared
        }
        StringBuilder whole = new StringBuilder(stored.length() * 2);
        int from = 0;
        for (NameAt named : names) {
            String part = window.apply(named.name());
            if (part == null) {
                throw new IllegalStateException("the window of " + named.member() + " named " + named.name()
                        + " is missing from the database");
            }
            whole.append(stored, from, named.start()).append('"').append(named.member()).append("\":").append(part);
            from = named.end();
        }
        return whole.append(stored, from, stored.length()).toString();
    }

    /** The names a stored trace uses, in order. */
    static List<String> names(String stored) {
        return namesAt(stored).stream().map(NameAt::name).toList();
    }

    /**
     * Every name in a stored trace, in order. Found by plain searches for each member's text rather than one regular
     * expression with alternatives, which cannot skip ahead and cost more than writing the trace.
     */
    private static List<NameAt> namesAt(String stored) {
        List<NameAt> found = new ArrayList<>();
        for (int m = 0; m < MARKERS.size(); m++) {
            String member = NAMED_MEMBERS.get(m);
            String marker = MARKERS.get(m);
            for (int at = stored.indexOf(marker); at >= 0; at = stored.indexOf(marker, at + marker.length())) {
                int value = at + marker.length();
                int close = value + NAME_LENGTH;
                if (close < stored.length() && stored.charAt(close) == '"' && lowerHex(stored, value, close)) {
                    found.add(new NameAt(at, close + 1, member, stored.substring(value, close)));
                }
            }
        }
        found.sort(Comparator.comparingInt(NameAt::start));
        return found;
    }

    private static boolean lowerHex(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** A stored trace read back whole. */
    public String whole(String stored) {
        return whole(stored, this::window);
    }

    /**
     * Stores the windows not yet stored; called by the only writer of decisions, in the decision's transaction.
     *
     * @param known whether a window is known to be stored (committed before): not looked up again
     */
    static void storeMissing(JdbcTemplate jdbc, Map<String, String> windows, Predicate<String> known) {
        windows.forEach((name, bars) -> {
            if (!known.test(name) && stored(jdbc, name).isEmpty()) {
                jdbc.update("insert into bar_window (window_sha256, bars_json) values (?, ?)", name, bars);
            }
        });
    }

    /**
     * What is wrong with the window {@code name}, as verification sees it: missing, or bars that no longer hash to
     * their name (edited); null when it holds.
     */
    static String problem(JdbcTemplate jdbc, String name) {
        Optional<String> bars = stored(jdbc, name);
        if (bars.isEmpty()) {
            return "was deleted";
        }
        return CanonicalJson.sha256(bars.get()).equals(name) ? null : "was edited: its bars no longer hash to its name";
    }

    /** The window stored under {@code name}, as stored. */
    private static Optional<String> stored(JdbcTemplate jdbc, String name) {
        return jdbc.queryForList("select bars_json from bar_window where window_sha256 = ?", String.class, name)
                .stream().findFirst();
    }

    private String window(String name) {
        synchronized (remembered) {
            String bars = remembered.get(name);
            if (bars != null) {
                return bars;
            }
        }
        Optional<String> found = stored(jdbc, name);
        if (found.isEmpty()) {
            return null;
        }
        synchronized (remembered) {
            remembered.put(name, found.get());
        }
        return found.get();
    }

    /** Where the naming serializer leaves the windows it named. */
    private record Collector(Map<String, String> windows) {
    }

    /** Applied to {@link MarketSeries} by the naming writer only. */
    private abstract static class NamedBars {
        @JsonProperty("bars")
        @JsonSerialize(using = WindowName.class)
        abstract List<MarketSeries.Row> bars();
    }

    /** Applied to {@link DecisionRequest} by the naming writer only. */
    private abstract static class NamedMarket {
        @JsonProperty("market")
        @JsonSerialize(using = WindowName.class)
        abstract List<MarketView> market();
    }

    /** Applied to {@link Firing} by the naming writer only. */
    private abstract static class FactsOnce {
        @JsonProperty("matched")
        @JsonSerialize(using = RepeatedFacts.Once.class)
        abstract List<TracedFact> matched();

        @JsonProperty("concluded")
        @JsonSerialize(using = RepeatedFacts.Once.class)
        abstract List<TracedFact> concluded();
    }

    /** Applied to {@link DecisionTrace} by the naming writer only. */
    private abstract static class NamedIndicators {
        @JsonProperty("indicators")
        @JsonSerialize(using = WindowName.class)
        abstract List<IndicatorValue> indicators();
    }

    /**
     * Writes a shared part as the SHA-256 of its canonical JSON, and hands the JSON to the collector. The last windows
     * named are remembered by the identity of their elements. The engine keeps each instrument's bars and its market
     * view (indicator values included) as the same objects until the instrument's next bar, so every check in between
     * names a list of the same objects, in the same order, even where the list itself was gathered anew for the
     * decision: that list is not written and hashed again. The elements are immutable records, so the same objects
     * write the same text; a list holding any other object is written.
     */
    private static final class WindowName extends ValueSerializer<List<?>> {

        private static final int REMEMBERED_BY_IDENTITY = 64;

        /** A part's name and canonical JSON. */
        private record Named(String name, String json) {
        }

        /** The elements of a part named, held so that none of them can be collected and its identity reused. */
        private record Remembered(Object[] elements, Named named) {
        }

        private static final AtomicReferenceArray<Remembered> NAMED_LAST =
                new AtomicReferenceArray<>(REMEMBERED_BY_IDENTITY);

        @Override
        public void serialize(List<?> part, JsonGenerator generator, SerializationContext context) {
            if (part.isEmpty()) {
                generator.writeStartArray();
                generator.writeEndArray();
                return;
            }
            Named named = named(part);
            ((Collector) context.getAttribute(Collector.class)).windows().put(named.name(), named.json());
            generator.writeString(named.name());
        }

        private static Named named(List<?> part) {
            int hash = part.size();
            for (Object element : part) {
                hash = 31 * hash + System.identityHashCode(element);
            }
            int slot = (hash ^ hash >>> 16) & (REMEMBERED_BY_IDENTITY - 1);
            Remembered last = NAMED_LAST.get(slot);
            if (last != null && sameObjects(last.elements(), part)) {
                return last.named();
            }
            String json = CanonicalJson.write(part);
            Named named = new Named(CanonicalJson.sha256(json), json);
            NAMED_LAST.set(slot, new Remembered(part.toArray(), named));
            return named;
        }

        private static boolean sameObjects(Object[] remembered, List<?> part) {
            if (remembered.length != part.size()) {
                return false;
            }
            for (int i = 0; i < remembered.length; i++) {
                if (remembered[i] != part.get(i)) {
                    return false;
                }
            }
            return true;
        }
    }
}
