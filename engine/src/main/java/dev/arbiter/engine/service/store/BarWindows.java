package dev.arbiter.engine.service.store;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.arbiter.engine.decision.DecisionTrace;
import dev.arbiter.engine.decision.MarketSeries;
import dev.arbiter.engine.json.CanonicalJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bars a trace's market data carries, stored once however many decisions saw them. Every check of an account
 * sees the same window of bars until the next bar arrives (up to {@code arbiter.state.bars-kept} per instrument), so
 * a trace stored whole would repeat the same kilobytes per instrument in every decision. A stored trace names each
 * window by the SHA-256 of its canonical JSON instead, and the window is stored under that name: the trace's audit
 * record covers the name, and verifying the chain checks once that every window a decision names is there and still
 * hashes to its name, so editing or deleting a stored bar is caught like editing the trace itself.
 *
 * <p>Read back, a trace is the same text, byte for byte, as the trace written whole ({@link CanonicalJson#write}):
 * each name is replaced by the window it names.
 */
public final class BarWindows {

    /** Windows remembered after reading them: the windows of the last minutes are what most reads ask for. */
    private static final int REMEMBERED = 256;

    /**
     * A name in a stored trace: the member {@code "bars"} with a 64-digit hex string for a value. Inside a JSON string
     * the quotes would be escaped, so this text occurs only as a member.
     */
    private static final Pattern NAMED = Pattern.compile("\"bars\":\"([0-9a-f]{64})\"");

    /** The canonical writer, with each series' bars written as their window's name. */
    private static final ObjectWriter NAMING = CanonicalJson.mapper().rebuild()
            .addMixIn(MarketSeries.class, NamedBars.class).build().writer();

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

    public BarWindows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The trace as stored: with its bars named rather than written out. */
    public static Split split(DecisionTrace trace) {
        Map<String, String> windows = new TreeMap<>();
        String stored = NAMING.withAttribute(Collector.class, new Collector(windows)).writeValueAsString(trace);
        return new Split(stored, windows, whole(stored, windows::get));
    }

    /** The stored text with every window it names written out: the trace as {@link CanonicalJson#write} gives it. */
    static String whole(String stored, Function<String, String> window) {
        Matcher named = NAMED.matcher(stored);
        if (!named.find()) {
            return stored; // stored before windows were, or without bars
        }
        StringBuilder whole = new StringBuilder(stored.length() * 2);
        do {
            String bars = window.apply(named.group(1));
            if (bars == null) {
                throw new IllegalStateException("the bars named " + named.group(1) + " are missing from the database");
            }
            named.appendReplacement(whole, "");
            whole.append("\"bars\":").append(bars);
        } while (named.find());
        named.appendTail(whole);
        return whole.toString();
    }

    /** The names a stored trace uses, in order. */
    static List<String> names(String stored) {
        return NAMED.matcher(stored).results().map(m -> m.group(1)).toList();
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

    /**
     * Writes a series' bars as the SHA-256 of their canonical JSON, and hands the JSON to the collector. The engine
     * hands every decision the same list of rows until an instrument's next bar, so the last windows named are
     * remembered by identity: a check does not write and hash the same bars again.
     */
    private static final class WindowName extends ValueSerializer<List<MarketSeries.Row>> {

        private static final int REMEMBERED_BY_IDENTITY = 64;

        private record Named(List<MarketSeries.Row> bars, String name, String json) {
        }

        private static final AtomicReferenceArray<Named> NAMED_LAST = new AtomicReferenceArray<>(REMEMBERED_BY_IDENTITY);

        @Override
        public void serialize(List<MarketSeries.Row> bars, JsonGenerator generator, SerializationContext context) {
            if (bars.isEmpty()) {
                generator.writeStartArray();
                generator.writeEndArray();
                return;
            }
            int slot = System.identityHashCode(bars) & (REMEMBERED_BY_IDENTITY - 1);
            Named named = NAMED_LAST.get(slot);
            if (named == null || named.bars() != bars) {
                String json = CanonicalJson.write(bars);
                named = new Named(bars, CanonicalJson.sha256(json), json);
                NAMED_LAST.set(slot, named);
            }
            ((Collector) context.getAttribute(Collector.class)).windows().put(named.name(), named.json());
            generator.writeString(named.name());
        }
    }
}
