package dev.arbiter.scenarios.spec;

import java.math.BigDecimal;
import dev.arbiter.rules.pack.InstrumentSet;
import java.io.IOException;
import java.nio.file.Files;
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

    /**
     * The instruments the rule set lists: its folder's {@code instruments.json} when it has one, else the shipped
     * list. A scenario symbol listed there as a perpetual trades as one.
     */
    public InstrumentSet instruments() {
        Path file = directory == null ? null : directory.resolve(InstrumentSet.FILE);
        if (file == null || !Files.isRegularFile(file)) {
            return InstrumentSet.shippedDefault();
        }
        try {
            return InstrumentSet.fromJson(file.toString(), Files.readString(file));
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidScenarioException("rules.directory", "'" + directory + "' with " + InstrumentSet.FILE,
                    "a readable instruments file (" + e.getMessage() + ")");
        }
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
