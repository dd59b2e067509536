package dev.arbiter.engine.decision;

import dev.arbiter.rules.pack.CompiledRuleSet;
import dev.arbiter.rules.pack.LimitSet;
import dev.arbiter.rules.pack.ParameterSet;
import java.util.Objects;

/**
 * What decisions are made with: a compiled rule set with its limits and parameters. Immutable, and
 * complete before it can be activated (compiling happens before, never during, a swap), so every
 * decision is made wholly by one release and names it.
 */
public record RuleRelease(CompiledRuleSet rules, LimitSet limits, ParameterSet parameters) {

    public RuleRelease {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(parameters, "parameters");
        limits.require(DecisionPipeline.MAX_GROSS_EXPOSURE); // sizing and the proof cannot work without it
    }

    /** Rule set, limits and parameters versions as one key: what a release is stored and compared under. */
    public String key() {
        return key(rules.version(), limits.version(), parameters.version());
    }

    public static String key(String ruleSetVersion, String limitsVersion, String parametersVersion) {
        return ruleSetVersion + "/" + limitsVersion + "/" + parametersVersion;
    }

    public Versions versions() {
        return new Versions(rules.version(), limits.version(), parameters.version(), EngineVersion.current());
    }
}
