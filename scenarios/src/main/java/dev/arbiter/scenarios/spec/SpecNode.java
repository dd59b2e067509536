package dev.arbiter.scenarios.spec;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A node of a scenario file with its path (e.g. {@code market[1].file}), so every bad value is
 * reported with the field it sits in. Unknown keys are errors: a misspelt expectation must not be
 * silently skipped.
 */
final class SpecNode {

    private final JsonNode node;
    private final String path;

    SpecNode(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    String path() {
        return path;
    }

    private String at(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean has(String key) {
        return node.has(key) && !node.get(key).isNull();
    }

    void allowOnly(String... keys) {
        if (!node.isObject()) {
            throw new InvalidScenarioException(path.isEmpty() ? "(file)" : path, node.getNodeType(), "a mapping of keys to values");
        }
        Set<String> allowed = Set.of(keys);
        for (String name : node.propertyNames()) {
            if (!allowed.contains(name)) {
                throw new InvalidScenarioException(at(name), "an unknown key", "one of " + List.of(keys));
            }
        }
    }

    SpecNode child(String key) {
        if (!has(key)) {
            throw new InvalidScenarioException(at(key), "nothing", "a value (the key is required)");
        }
        return new SpecNode(node.get(key), at(key));
    }

    List<SpecNode> list(String key) {
        if (!has(key)) {
            return List.of();
        }
        JsonNode list = node.get(key);
        if (!list.isArray()) {
            throw new InvalidScenarioException(at(key), list.getNodeType(), "a list");
        }
        List<SpecNode> items = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            items.add(new SpecNode(list.get(i), at(key) + "[" + i + "]"));
        }
        return items;
    }

    /** The value as written, or null when it is not a scalar. */
    String rawText(String key) {
        JsonNode value = node.get(key);
        return value != null && value.isValueNode() ? value.asString() : null;
    }

    String text(String key) {
        JsonNode value = child(key).node;
        if (!value.isValueNode() || value.asString().isBlank()) {
            throw new InvalidScenarioException(at(key), value, "a non-blank text");
        }
        return value.asString();
    }

    String text(String key, String fallback) {
        return has(key) ? text(key) : fallback;
    }

    String choice(String key, String fallback, String... accepted) {
        String value = fallback == null ? text(key) : text(key, fallback);
        if (!List.of(accepted).contains(value)) {
            throw new InvalidScenarioException(at(key), "'" + value + "'", "one of " + List.of(accepted));
        }
        return value;
    }

    BigDecimal decimal(String key, BigDecimal fallback, BigDecimal min, BigDecimal max) {
        if (!has(key)) {
            return fallback;
        }
        JsonNode value = node.get(key);
        BigDecimal number;
        try {
            number = value.isNumber() ? value.decimalValue() : new BigDecimal(value.asString().trim());
        } catch (NumberFormatException e) {
            throw new InvalidScenarioException(at(key), "'" + value.asString() + "'", "a number");
        }
        if ((min != null && number.compareTo(min) < 0) || (max != null && number.compareTo(max) > 0)) {
            throw new InvalidScenarioException(at(key), number.toPlainString(), "a number in ["
                    + (min == null ? "-inf" : min.toPlainString()) + ", " + (max == null ? "inf" : max.toPlainString()) + "]");
        }
        return number;
    }

    BigDecimal decimal(String key) {
        BigDecimal value = decimal(key, null, null, null);
        if (value == null) {
            throw new InvalidScenarioException(at(key), "nothing", "a number (the key is required)");
        }
        return value;
    }

    double fraction(String key, double fallback) {
        return decimal(key, BigDecimal.valueOf(fallback), BigDecimal.ZERO, BigDecimal.ONE).doubleValue();
    }

    int integer(String key, int fallback, int min) {
        BigDecimal value = decimal(key, BigDecimal.valueOf(fallback), BigDecimal.valueOf(min), null);
        if (value.stripTrailingZeros().scale() > 0) {
            throw new InvalidScenarioException(at(key), value.toPlainString(), "a whole number >= " + min);
        }
        return value.intValueExact();
    }

    long longValue(String key, long fallback) {
        return decimal(key, BigDecimal.valueOf(fallback), null, null).longValue();
    }

    boolean flag(String key, boolean fallback) {
        if (!has(key)) {
            return fallback;
        }
        JsonNode value = node.get(key);
        if (!value.isBoolean()) {
            throw new InvalidScenarioException(at(key), value, "true or false");
        }
        return value.booleanValue();
    }

    Instant instant(String key, Instant fallback) {
        if (!has(key)) {
            return fallback;
        }
        String value = text(key);
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidScenarioException(at(key), "'" + value + "'", "an ISO-8601 UTC time such as 2022-05-07T00:00:00Z");
        }
    }

    Duration duration(String key, Duration fallback) {
        if (!has(key)) {
            return fallback;
        }
        String value = text(key);
        try {
            Duration duration = Duration.parse(value);
            if (duration.isNegative() || duration.isZero()) {
                throw new DateTimeParseException("not positive", value, 0);
            }
            return duration;
        } catch (DateTimeParseException e) {
            throw new InvalidScenarioException(at(key), "'" + value + "'", "a positive ISO-8601 duration such as PT1H or PT5M");
        }
    }

    /** A mapping of names to numbers, e.g. limit overrides. */
    Map<String, BigDecimal> numbers(String key) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        if (!has(key)) {
            return values;
        }
        SpecNode map = child(key);
        if (!map.node.isObject()) {
            throw new InvalidScenarioException(map.path, map.node.getNodeType(), "a mapping of names to numbers");
        }
        for (String name : map.node.propertyNames()) {
            values.put(name, map.decimal(name));
        }
        return values;
    }

    /** The keys of this mapping, in file order. */
    List<String> keys() {
        if (!node.isObject()) {
            throw new InvalidScenarioException(path, node.getNodeType(), "a mapping");
        }
        return new ArrayList<>(node.propertyNames());
    }

    /** This node as a number. */
    double number(String field) {
        if (!node.isNumber()) {
            throw new InvalidScenarioException(field, node, "a number");
        }
        return node.doubleValue();
    }

    List<String> texts(String key) {
        List<String> values = new ArrayList<>();
        for (SpecNode item : list(key)) {
            if (!item.node.isValueNode() || item.node.asString().isBlank()) {
                throw new InvalidScenarioException(item.path, item.node, "a non-blank text");
            }
            values.add(item.node.asString());
        }
        return values;
    }
}
