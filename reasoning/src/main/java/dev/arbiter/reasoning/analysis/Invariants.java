package dev.arbiter.reasoning.analysis;

import dev.arbiter.rules.pack.PackFiles;
import dev.arbiter.rules.pack.RuleSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Properties a risk officer states about a rule set, read from {@code invariants.yaml} in the rule-set
 * directory:
 *
 * <pre>
 * invariants:
 *   - name: halted-account
 *     description: nothing passes while the account is HALTED
 *     when: Account.state == TradingState.HALTED
 *     then: blocked
 * </pre>
 *
 * {@code when} is a condition over {@code Type.field} of the fact model, {@code limit("name")},
 * {@code parameter("name")} and enum constants, in the subset of {@link ExpressionTranslator}; the order
 * is {@code Proposal}. {@code then} is {@code blocked} (some risk rule rejects, caps or halts the order)
 * or {@code rejected} (some risk rule rejects or halts it).
 */
public record Invariants(List<Invariant> all) {

    public static final String FILE = "invariants.yaml";
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    public Invariants {
        all = List.copyOf(all);
    }

    /** @param then {@code blocked} or {@code rejected} */
    public record Invariant(String name, String description, String when, String then) {
    }

    public static Invariants none() {
        return new Invariants(List.of());
    }

    /** The invariants shipped with the default rule set. */
    public static Invariants shippedDefault() {
        String text = PackFiles.fromClassPath(RuleSet.DEFAULT_RESOURCE, ".yaml").get(FILE);
        if (text == null) {
            throw new IllegalStateException(RuleSet.DEFAULT_RESOURCE + "/" + FILE + " is missing from the class path");
        }
        return parse(FILE, text);
    }

    /** {@code invariants.yaml} of a rule-set directory; none when the directory has no such file. */
    public static Invariants fromDirectory(Path root) throws IOException {
        Path file = root.resolve(FILE);
        return Files.isRegularFile(file) ? parse(FILE, Files.readString(file)) : none();
    }

    /**
     * @throws IllegalArgumentException naming the file, the invariant and the field when the text is not
     *                                  an invariants file
     */
    public static Invariants parse(String source, String yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(source + " is not valid YAML: " + e.getOriginalMessage());
        }
        JsonNode list = root == null ? null : root.path("invariants");
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException(source + ": expected a list 'invariants:' of {name, description, when, then}");
        }
        List<Invariant> invariants = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonNode node : list) {
            int n = invariants.size() + 1;
            String name = required(source, n, node, "name");
            if (!names.add(name)) {
                throw new IllegalArgumentException(source + ": invariant " + n + " name '" + name + "' is used twice; names must be unique");
            }
            String then = required(source, n, node, "then");
            if (!then.equals("blocked") && !then.equals("rejected")) {
                throw new IllegalArgumentException(source + ": invariant '" + name + "' then: '" + then
                        + "' is not accepted; expected blocked or rejected");
            }
            invariants.add(new Invariant(name, node.path("description").asString(name),
                    required(source, n, node, "when"), then));
        }
        return new Invariants(invariants);
    }

    private static String required(String source, int n, JsonNode node, String field) {
        String value = node.path(field).asString("");
        if (value.isBlank()) {
            throw new IllegalArgumentException(source + ": invariant " + n + " needs '" + field + ":'");
        }
        return value.strip();
    }
}
