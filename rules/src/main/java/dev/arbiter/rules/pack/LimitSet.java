package dev.arbiter.rules.pack;

import dev.arbiter.kb.fact.Limit;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The named limits rules, the solver and the proof read, from a limits file: a JSON object of
 * {@code "limit-name": number}. Versioned by content, like a rule set.
 */
public record LimitSet(String name, String version, Map<String, BigDecimal> values) {

    public static final String DEFAULT_RESOURCE = "rulepacks/default/limits.json";

    public LimitSet {
        values = new TreeMap<>(values);
        values.forEach(Limit::new); // validates every name and value
    }

    public static LimitSet shippedDefault() {
        return fromJson("default", NumbersFile.resource(DEFAULT_RESOURCE));
    }

    /** Parses a limits file; every entry must be a number. */
    public static LimitSet fromJson(String name, String json) {
        Map<String, BigDecimal> values = NumbersFile.parse("Limit", name, json);
        return new LimitSet(name, NumbersFile.version("lim-", values), values);
    }

    /** The value of a limit the caller cannot work without. */
    public BigDecimal require(String limit) {
        return NumbersFile.require("Limit", "limits " + name, version, values, limit);
    }

    /** A copy with one limit changed, for what-if runs and tests. */
    public LimitSet with(String limit, BigDecimal value) {
        Map<String, BigDecimal> changed = new TreeMap<>(values);
        changed.put(limit, value);
        return new LimitSet(name, NumbersFile.version("lim-", changed), changed);
    }

    /** The limits as facts for a rule session. */
    public List<Limit> facts() {
        return values.entrySet().stream().map(e -> new Limit(e.getKey(), e.getValue())).toList();
    }
}
