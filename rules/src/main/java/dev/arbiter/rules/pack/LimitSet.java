package dev.arbiter.rules.pack;

import dev.arbiter.kb.InvalidFactException;
import dev.arbiter.kb.fact.Limit;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The named limits rules and the solver read, from a limits file: a JSON object of
 * {@code "limit-name": number}. Versioned by content, like a rule set.
 */
public record LimitSet(String name, String version, Map<String, BigDecimal> values) {

    public static final String DEFAULT_RESOURCE = "rulepacks/default/limits.json";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public LimitSet {
        values = new TreeMap<>(values);
        values.forEach((limit, value) -> new Limit(limit, value)); // validates every name and value
    }

    public static LimitSet shippedDefault() {
        try (InputStream in = LimitSet.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULT_RESOURCE + " is missing from the class path");
            }
            return fromJson("default", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a limits file; every entry must be a number. */
    public static LimitSet fromJson(String name, String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("limits file '" + name + "' is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("limits file '" + name + "' must be a JSON object of \"limit-name\": number");
        }
        Map<String, BigDecimal> values = new TreeMap<>();
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            if (!entry.getValue().isNumber()) {
                throw new InvalidFactException("Limit", entry.getKey(), entry.getValue().toString(), "a number");
            }
            values.put(entry.getKey(), entry.getValue().decimalValue());
        }
        return new LimitSet(name, versionOf(values), values);
    }

    /** The value of a limit the caller cannot work without. */
    public BigDecimal require(String limit) {
        BigDecimal value = values.get(limit);
        if (value == null) {
            throw new IllegalStateException("limit '" + limit + "' is not defined in limits " + name + " ("
                    + version + "); defined: " + values.keySet());
        }
        return value;
    }

    /** A copy with one limit changed, for what-if runs and tests. */
    public LimitSet with(String limit, BigDecimal value) {
        Map<String, BigDecimal> changed = new TreeMap<>(values);
        changed.put(limit, value);
        return new LimitSet(name, versionOf(changed), changed);
    }

    /** The limits as facts for a rule session. */
    public List<Limit> facts() {
        return values.entrySet().stream().map(e -> new Limit(e.getKey(), e.getValue())).toList();
    }

    private static String versionOf(Map<String, BigDecimal> values) {
        ContentVersion version = ContentVersion.start();
        new TreeMap<>(values).forEach((limit, value) -> version.add(limit).add(value.stripTrailingZeros().toPlainString()));
        return version.version("lim-");
    }
}
