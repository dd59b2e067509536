package dev.arbiter.scenarios.spec;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;

/**
 * The rule set a scenario runs with.
 *
 * @param directory  a rule-set directory, or null for the shipped default rule set
 * @param riskLayers false to run the strategies alone, without any risk layer (L1..L7): what the risk
 *                   layers are worth is measured by comparing both
 * @param limits     limits replacing the rule set's values, by name
 * @param parameters strategy parameters replacing the rule set's values, by name
 */
public record RulesSpec(Path directory, boolean riskLayers, Map<String, BigDecimal> limits,
                        Map<String, BigDecimal> parameters) {

    public RulesSpec {
        limits = Map.copyOf(limits);
        parameters = Map.copyOf(parameters);
    }

    public RulesSpec withRiskLayers(boolean on) {
        return new RulesSpec(directory, on, limits, parameters);
    }

    public RulesSpec withParameters(Map<String, BigDecimal> replaced) {
        return new RulesSpec(directory, riskLayers, limits, replaced);
    }

    public RulesSpec withDirectory(Path other) {
        return new RulesSpec(other, riskLayers, limits, parameters);
    }
}
