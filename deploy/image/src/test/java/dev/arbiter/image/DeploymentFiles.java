package dev.arbiter.image;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The shipped deployment files under {@code deploy/}, read as their tools read them. */
final class DeploymentFiles {

    static final Path DEPLOY = Path.of("..");
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private DeploymentFiles() {
    }

    static JsonNode compose() {
        return YAML.readTree(DEPLOY.resolve("compose.yaml").toFile());
    }

    static JsonNode prometheus() {
        return YAML.readTree(DEPLOY.resolve("prometheus/prometheus.yml").toFile());
    }

    /** Every document of a Kubernetes file. */
    static List<JsonNode> kubernetes(String file) {
        List<JsonNode> documents = new ArrayList<>();
        YAML.readerFor(JsonNode.class).readValues(DEPLOY.resolve("kubernetes").resolve(file).toFile())
                .forEachRemaining(node -> documents.add((JsonNode) node));
        return documents;
    }

    static JsonNode kubernetes(String file, String kind) {
        return kubernetes(file).stream().filter(d -> d.path("kind").asString().equals(kind)).findFirst()
                .orElseThrow(() -> new AssertionError(file + " has no " + kind));
    }

    /** The variables the shipped secret example sets, with its placeholder values. */
    static Map<String, String> secretExample() {
        Map<String, String> variables = new LinkedHashMap<>();
        kubernetes("secret.example.yaml", "Secret").path("stringData").properties()
                .forEach(entry -> variables.put(entry.getKey(), entry.getValue().asString()));
        return variables;
    }

    /** The variables deploy/env.example names. */
    static List<String> envExample() throws Exception {
        return Files.readAllLines(DEPLOY.resolve("env.example")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.substring(0, line.indexOf('='))).toList();
    }
}
