package dev.arbiter.rules.testing;

import dev.arbiter.kb.FactTypes;
import dev.arbiter.kb.InvalidFactException;
import dev.arbiter.kb.fact.Limit;
import dev.arbiter.kb.fact.Parameter;
import dev.arbiter.rules.pack.PackFiles;
import dev.arbiter.rules.pack.RuleSet;
import dev.arbiter.rules.testing.RuleTestCase.Expectation;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads rule tests: {@code background.yaml} (the limits and parameters the cases were written against, and the facts
 * every case starts from) and {@code *.test.yaml} files (cases), from a rule-set folder.
 *
 * <pre>
 * cases:
 *   - name: rejects a limit price outside the collar
 *     given:
 *       - OrderIntent: {intentId: i-1, accountId: acct-1, symbol: ETH-USD, side: SELL, quantity: 1, ...}
 *     expect:
 *       fired: [L7-PRICE-COLLAR]
 *       outcomes:
 *         - {kind: REJECT, proposal: i-1, code: L7-PRICE-COLLAR, message: "outside the 5% collar"}
 * </pre>
 */
public final class RuleTestFiles {

    public static final String BACKGROUND = "background.yaml";
    public static final String SUFFIX = ".test.yaml";

    /** The fact types a test may give, by the name a test file uses. */
    static final Map<String, Class<? extends Record>> FACT_TYPES = FactTypes.FACTS;

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final List<Object> background;
    private final List<RuleTestCase> cases;

    private RuleTestFiles(List<Object> background, List<RuleTestCase> cases) {
        this.background = List.copyOf(background);
        this.cases = List.copyOf(cases);
    }

    public static RuleTestFiles fromDirectory(Path root) throws IOException {
        return parse(PackFiles.fromDirectory(root, ".yaml"));
    }

    /** @param yamlByPath every {@code .yaml} file of a pack by its path in the pack: background and test files */
    public static RuleTestFiles fromFiles(Map<String, String> yamlByPath) {
        return parse(yamlByPath);
    }

    public static RuleTestFiles shippedDefault() {
        return parse(PackFiles.fromClassPath(RuleSet.DEFAULT_RESOURCE, ".yaml"));
    }

    /** @param yamlByPath every {@code .yaml} file of the rule set: the background and the test files */
    static RuleTestFiles parse(Map<String, String> yamlByPath) {
        List<Object> background = new ArrayList<>();
        if (yamlByPath.containsKey(BACKGROUND)) {
            JsonNode root = read(BACKGROUND, yamlByPath.get(BACKGROUND));
            background.addAll(pinned(root.path("limits"), "limits", Limit::new));
            background.addAll(pinned(root.path("parameters"), "parameters", Parameter::new));
            background.addAll(facts(BACKGROUND, "background", root.path("facts")));
        }
        List<RuleTestCase> cases = new ArrayList<>();
        yamlByPath.forEach((path, yaml) -> {
            if (path.endsWith(SUFFIX)) {
                cases.addAll(cases(path, read(path, yaml)));
            }
        });
        return new RuleTestFiles(background, cases);
    }

    public List<Object> background() {
        return background;
    }

    public List<RuleTestCase> cases() {
        return cases;
    }

    private static JsonNode read(String path, String yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (JacksonException e) {
            throw new RuleTestFileException(path, "is not valid YAML: " + e.getOriginalMessage());
        }
    }

    private static List<RuleTestCase> cases(String path, JsonNode root) {
        JsonNode cases = root.path("cases");
        if (!cases.isArray() || cases.isEmpty()) {
            throw new RuleTestFileException(path, "needs a list 'cases:' with at least one case");
        }
        List<RuleTestCase> parsed = new ArrayList<>();
        for (JsonNode node : cases) {
            String name = node.path("name").asString("");
            if (name.isBlank()) {
                throw new RuleTestFileException(path, "case " + (parsed.size() + 1) + " needs a 'name:'");
            }
            Expectation expect;
            try {
                expect = YAML.treeToValue(node.path("expect"), Expectation.class);
            } catch (JacksonException e) {
                throw new RuleTestFileException(path, "case '" + name + "': 'expect' is not understood: " + e.getOriginalMessage()
                        + "; expected fired, notFired, outcomes, proposals");
            }
            if (expect == null || expect.fired().isEmpty() && expect.notFired().isEmpty() && expect.outcomes().isEmpty()
                    && expect.proposals().isEmpty()) {
                throw new RuleTestFileException(path, "case '" + name + "' expects nothing; say what must fire, stay quiet or be concluded");
            }
            parsed.add(new RuleTestCase(path, name, facts(path, name, node.path("given")), expect,
                    names(path, name, node.path("releaseLimits"))));
        }
        return parsed;
    }

    /**
     * The values the background pins ({@code limits: {name: value}}): the numbers the cases were written against, so
     * that a change of {@code limits.json} alone does not break a case that only meant to show the rule's logic.
     */
    private static List<Object> pinned(JsonNode map, String section, BiFunction<String, BigDecimal, Object> fact) {
        List<Object> facts = new ArrayList<>();
        if (map.isMissingNode() || map.isNull()) {
            return facts;
        }
        if (!map.isObject()) {
            throw new RuleTestFileException(BACKGROUND, "'" + section + ":' must map names to numbers, not " + map);
        }
        for (Map.Entry<String, JsonNode> entry : map.properties()) {
            if (!entry.getValue().isNumber()) {
                throw new RuleTestFileException(BACKGROUND, section + " '" + entry.getKey() + "': "
                        + entry.getValue() + " is not a number");
            }
            try {
                facts.add(fact.apply(entry.getKey(), entry.getValue().decimalValue()));
            } catch (InvalidFactException e) {
                throw new RuleTestFileException(BACKGROUND, section + " '" + entry.getKey() + "': " + e.getMessage());
            }
        }
        return facts;
    }

    private static List<String> names(String path, String caseName, JsonNode list) {
        if (list.isMissingNode() || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new RuleTestFileException(path, "case '" + caseName + "': releaseLimits must be a list of limit names");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode name : list) {
            if (!name.isString() || name.asString().isBlank()) {
                throw new RuleTestFileException(path, "case '" + caseName + "': releaseLimits holds " + name
                        + "; expected limit names such as max-order-quantity");
            }
            names.add(name.asString());
        }
        return names;
    }

    private static List<Object> facts(String path, String caseName, JsonNode list) {
        List<Object> facts = new ArrayList<>();
        if (list.isMissingNode() || list.isNull()) {
            return facts;
        }
        if (!list.isArray()) {
            throw new RuleTestFileException(path, "case '" + caseName + "': facts must be a list of {Type: {fields}}");
        }
        for (JsonNode entry : list) {
            if (!entry.isObject() || entry.size() != 1) {
                throw new RuleTestFileException(path, "case '" + caseName + "': each fact is one {Type: {fields}}, not " + entry);
            }
            String type = entry.propertyNames().iterator().next();
            Class<?> factType = FACT_TYPES.get(type);
            if (factType == null) {
                throw new RuleTestFileException(path, "case '" + caseName + "': unknown fact type '" + type
                        + "'; expected one of " + FACT_TYPES.keySet());
            }
            try {
                facts.add(YAML.treeToValue(entry.get(type), factType));
            } catch (JacksonException e) {
                String why = e.getCause() instanceof InvalidFactException invalid ? invalid.getMessage() : e.getOriginalMessage();
                throw new RuleTestFileException(path, "case '" + caseName + "': " + type + " " + why
                        + (factType.isRecord() ? "; fields: " + Arrays.stream(factType.getRecordComponents())
                        .map(c -> c.getName()).toList() : ""));
            }
        }
        return facts;
    }
}
