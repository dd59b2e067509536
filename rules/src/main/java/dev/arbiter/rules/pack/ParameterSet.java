package dev.arbiter.rules.pack;

import dev.arbiter.kb.fact.Parameter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The named strategy and sizing parameters rules and the solver read, from a parameters file: a JSON object of
 * {@code "parameter-name": number}. Versioned by content, like a rule set.
 */
public record ParameterSet(String name, String version, Map<String, BigDecimal> values) {

    public static final String DEFAULT_RESOURCE = "rulepacks/default/parameters.json";

    public ParameterSet {
        values = new TreeMap<>(values);
        values.forEach(Parameter::new); // validates every name and value
    }

    public static ParameterSet shippedDefault() {
        return fromJson("default", NumbersFile.resource(DEFAULT_RESOURCE));
    }

    /** Parses a parameters file; every entry must be a number. */
    public static ParameterSet fromJson(String name, String json) {
        Map<String, BigDecimal> values = NumbersFile.parse("Parameter", name, json);
        return new ParameterSet(name, NumbersFile.version("par-", values), values);
    }

    /** The value of a parameter the caller cannot work without. */
    public BigDecimal require(String parameter) {
        return NumbersFile.require("Parameter", "parameters " + name, version, values, parameter);
    }

    /** A copy with one parameter changed, for what-if runs and tests. */
    public ParameterSet with(String parameter, BigDecimal value) {
        Map<String, BigDecimal> changed = new TreeMap<>(values);
        changed.put(parameter, value);
        return new ParameterSet(name, NumbersFile.version("par-", changed), changed);
    }

    /** The parameters as facts for a rule session. */
    public List<Parameter> facts() {
        return values.entrySet().stream().map(e -> new Parameter(e.getKey(), e.getValue())).toList();
    }
}
