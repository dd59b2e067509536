package dev.arbiter.rules.pack;

import dev.arbiter.kb.InvalidFactException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The format limits and parameters files share: a JSON object of {@code "name": number}. */
final class NumbersFile {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private NumbersFile() {
    }

    /** Reads a class-path resource's text. */
    static String resource(String resource) {
        try (InputStream in = NumbersFile.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param kind     what the file holds, {@code Limit} or {@code Parameter}, for error messages
     * @param fileName the file's name, for error messages
     */
    static Map<String, BigDecimal> parse(String kind, String fileName, String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(kind.toLowerCase() + "s file '" + fileName + "' is not valid JSON: "
                    + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(kind.toLowerCase() + "s file '" + fileName
                    + "' must be a JSON object of \"name\": number");
        }
        Map<String, BigDecimal> values = new TreeMap<>();
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            if (!entry.getValue().isNumber()) {
                throw new InvalidFactException(kind, entry.getKey(), entry.getValue().toString(), "a number");
            }
            values.put(entry.getKey(), entry.getValue().decimalValue());
        }
        return values;
    }

    static String version(String prefix, Map<String, BigDecimal> values) {
        ContentVersion version = ContentVersion.start();
        new TreeMap<>(values).forEach((name, value) -> version.add(name).add(value.stripTrailingZeros().toPlainString()));
        return version.version(prefix);
    }

    static BigDecimal require(String kind, String setName, String setVersion, Map<String, BigDecimal> values, String name) {
        BigDecimal value = values.get(name);
        if (value == null) {
            throw new IllegalStateException(kind.toLowerCase() + " '" + name + "' is not defined in " + setName + " ("
                    + setVersion + "); defined: " + values.keySet());
        }
        return value;
    }
}
