package dev.arbiter.mlbridge.features;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A named list of features computed together, each once, in the order given. */
public record FeatureSet(String name, List<Feature> features) {

    public FeatureSet {
        features = List.copyOf(features);
        if (features.isEmpty()) {
            throw new IllegalArgumentException("feature set '" + name + "': no features; expected at least one");
        }
        Set<String> seen = new HashSet<>();
        for (Feature feature : features) {
            if (!seen.add(feature.name())) {
                throw new IllegalArgumentException("feature set '" + name + "': '" + feature.name()
                        + "' is listed twice; expected each feature once");
            }
        }
    }

    /** Parses each name; the error names the set, the position and the feature. */
    public static FeatureSet of(String name, List<String> featureNames) {
        List<Feature> features = new java.util.ArrayList<>();
        for (int i = 0; i < featureNames.size(); i++) {
            try {
                features.add(Feature.parse(featureNames.get(i)));
            } catch (UnknownFeatureException e) {
                throw new IllegalArgumentException("feature set '" + name + "' features[" + i + "]: " + e.getMessage(), e);
            }
        }
        return new FeatureSet(name, features);
    }

    public List<String> columns() {
        return features.stream().map(Feature::name).toList();
    }
}
