package dev.arbiter.rules.pack;

import java.util.Map;
import java.util.Objects;
import org.kie.api.KieBase;

/** A rule set that compiled: its Drools knowledge base and each rule's metadata by rule name. */
public record CompiledRuleSet(RuleSet ruleSet, KieBase kieBase, Map<String, RuleMetadata> rules) {

    public CompiledRuleSet {
        Objects.requireNonNull(ruleSet, "ruleSet");
        Objects.requireNonNull(kieBase, "kieBase");
        rules = Map.copyOf(rules);
    }

    public String version() {
        return ruleSet.version();
    }

    public RuleMetadata metadata(String rule) {
        RuleMetadata meta = rules.get(rule);
        if (meta == null) {
            throw new IllegalArgumentException("rule '" + rule + "' is not in rule set " + ruleSet.version());
        }
        return meta;
    }
}
