package dev.arbiter.mlbridge.features;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Named feature sets read from a YAML file: each top-level key is a set name, its value the list
 * of columns (catalogue names). The shipped file defines {@code default}, {@code talib} and
 * {@code model}; any unknown feature name fails the whole file, naming the set and position.
 */
public final class FeatureSets {

    /** The shipped sets, on the class path. */
    public static final String BUILT_IN = "/dev/arbiter/mlbridge/features/feature-sets.yaml";

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private final Map<String, FeatureSet> sets;

    private FeatureSets(Map<String, FeatureSet> sets) {
        this.sets = sets;
    }

    public static FeatureSets builtIn() {
        try (InputStream in = FeatureSets.class.getResourceAsStream(BUILT_IN)) {
            return read(in, BUILT_IN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static FeatureSets load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.getFileName().toString());
        }
    }

    static FeatureSets read(InputStream in, String source) {
        JsonNode root;
        try {
            root = YAML.readTree(in);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(source + ": not readable YAML: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject() || root.isEmpty()) {
            throw new IllegalArgumentException(source + ": expected a map of set name to a list of feature names");
        }
        Map<String, FeatureSet> sets = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            JsonNode list = entry.getValue();
            if (!list.isArray()) {
                throw new IllegalArgumentException(source + ": set '" + entry.getKey() + "' is a " + list.getNodeType()
                        + "; expected a list of feature names");
            }
            List<String> names = new ArrayList<>();
            list.forEach(n -> names.add(n.asString()));
            try {
                sets.put(entry.getKey(), FeatureSet.of(entry.getKey(), names));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
            }
        }
        return new FeatureSets(sets);
    }

    /** The set called {@code name}; the error lists the sets there are. */
    public FeatureSet get(String name) {
        FeatureSet set = sets.get(name);
        if (set == null) {
            throw new IllegalArgumentException("feature set '" + name + "' is not defined; expected one of " + sets.keySet());
        }
        return set;
    }

    public List<String> names() {
        return List.copyOf(sets.keySet());
    }
}
