package dev.arbiter.engine.decision;

import dev.arbiter.rules.pack.CompiledRuleSet;
import dev.arbiter.rules.pack.InstrumentSet;
import dev.arbiter.rules.pack.LimitSet;
import dev.arbiter.rules.pack.ParameterSet;
import java.util.Objects;

/**
 * What decisions are made with: a compiled rule set with its limits, parameters and the instruments the engine
 * lists (reference data: venue, cluster, sector, tick and lot sizes, notional bounds). Immutable, and complete
 * before it can be activated (compiling happens before, never during, a swap), so every decision is made wholly
 * by one release and names it.
 */
public record RuleRelease(CompiledRuleSet rules, LimitSet limits, ParameterSet parameters, InstrumentSet instruments) {

    public RuleRelease {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(instruments, "instruments");
        limits.require(DecisionPipeline.MAX_GROSS_EXPOSURE); // sizing and the proof cannot work without it
    }

    /** The same release with other parameters: for what-if runs and parameter searches. */
    public RuleRelease withParameters(ParameterSet changed) {
        return new RuleRelease(rules, limits, changed, instruments);
    }

    /** Rule set, limits, parameters and instruments versions as one key: what a release is stored and compared under. */
    public String key() {
        return key(rules.version(), limits.version(), parameters.version(), instruments.version());
    }

    /**
     * @param instrumentsVersion null for a release stored before instruments belonged to a release: its key keeps
     *                           the three parts it was stored under
     */
    public static String key(String ruleSetVersion, String limitsVersion, String parametersVersion,
                             String instrumentsVersion) {
        String key = ruleSetVersion + "/" + limitsVersion + "/" + parametersVersion;
        return instrumentsVersion == null ? key : key + "/" + instrumentsVersion;
    }

    public Versions versions() {
        return new Versions(rules.version(), limits.version(), parameters.version(), instruments.version(),
                EngineVersion.current());
    }
}
