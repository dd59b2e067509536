package dev.arbiter.scenarios.run;

import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.mlbridge.indicators.IndicatorFacts;
import dev.arbiter.mlbridge.model.ModelRegistry;
import dev.arbiter.reasoning.kb.KnowledgeBase;
import dev.arbiter.reasoning.explain.PrologExplainer;
import dev.arbiter.reasoning.proof.LimitProver;
import dev.arbiter.rules.pack.LimitSet;
import dev.arbiter.rules.pack.ParameterSet;
import dev.arbiter.rules.pack.RuleSet;
import dev.arbiter.rules.pack.RuleSetCompiler;
import dev.arbiter.rules.pack.RuleSource;
import dev.arbiter.scenarios.spec.InvalidScenarioException;
import dev.arbiter.scenarios.spec.RulesSpec;
import dev.arbiter.solver.AllocatorSettings;
import dev.arbiter.solver.CapitalAllocator;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Builds the same decision pipeline the service runs (Drools, Timefold, Z3, Prolog) from a scenario's
 * rule settings: the rule set with or without its risk layers and strategies, limits and parameters
 * with the scenario's replacements.
 */
public final class PipelineFactory {

    /** The folder of strategy rules in a rule set; its client-intents file turns clients' orders into proposals. */
    static final String STRATEGY_FOLDER = "strategy/";
    static final String CLIENT_INTENTS = "strategy/client-intents.drl";

    private PipelineFactory() {
    }

    public static DecisionPipeline create(RulesSpec rules, boolean strategies) {
        RuleSet ruleSet = ruleSet(rules, strategies);
        return new DecisionPipeline(new RuleSetCompiler().compile(ruleSet), limits(rules), parameters(rules),
                new IndicatorFacts(IndicatorFacts.DEFAULT_SET),
                new CapitalAllocator(AllocatorSettings.defaults())::allocate,
                new LimitProver(Duration.ofSeconds(1)), new PrologExplainer());
    }

    /** The same pipeline, running the registered models a request names from {@code models}. */
    public static DecisionPipeline create(RulesSpec rules, boolean strategies, ModelRegistry models) {
        RuleSet ruleSet = ruleSet(rules, strategies);
        return new DecisionPipeline(new RuleSetCompiler().compile(ruleSet), limits(rules), parameters(rules),
                new IndicatorFacts(IndicatorFacts.DEFAULT_SET),
                new CapitalAllocator(AllocatorSettings.defaults())::allocate,
                new LimitProver(Duration.ofSeconds(1)), new PrologExplainer(), KnowledgeBase.shipped(), models);
    }

    static RuleSet ruleSet(RulesSpec rules, boolean strategies) {
        RuleSet full;
        try {
            full = rules.directory() == null ? RuleSet.shippedDefault() : RuleSet.fromDirectory("scenario", rules.directory());
        } catch (IOException e) {
            throw new InvalidScenarioException("rules.directory", rules.directory(), "a readable rule-set folder (" + e.getMessage() + ")");
        }
        List<RuleSource> kept = full.sources().stream()
                .filter(s -> rules.riskLayers() || s.path().startsWith(STRATEGY_FOLDER))
                .filter(s -> strategies || !s.path().startsWith(STRATEGY_FOLDER) || s.path().equals(CLIENT_INTENTS))
                .toList();
        String variant = (rules.riskLayers() ? "" : "-no-risk") + (strategies ? "" : "-clients-only");
        return RuleSet.of(full.name() + variant, kept);
    }

    public static LimitSet limits(RulesSpec rules) {
        LimitSet limits = rules.directory() != null && Files.isRegularFile(rules.directory().resolve("limits.json"))
                ? LimitSet.fromJson("scenario", read(rules.directory().resolve("limits.json")))
                : LimitSet.shippedDefault();
        for (Map.Entry<String, BigDecimal> e : rules.limits().entrySet()) {
            if (!limits.values().containsKey(e.getKey())) {
                throw new InvalidScenarioException("rules.limits." + e.getKey(), e.getValue(),
                        "a limit the rule set defines " + limits.values().keySet());
            }
            limits = limits.with(e.getKey(), e.getValue());
        }
        return limits;
    }

    public static ParameterSet parameters(RulesSpec rules) {
        ParameterSet parameters = rules.directory() != null && Files.isRegularFile(rules.directory().resolve("parameters.json"))
                ? ParameterSet.fromJson("scenario", read(rules.directory().resolve("parameters.json")))
                : ParameterSet.shippedDefault();
        for (Map.Entry<String, BigDecimal> e : rules.parameters().entrySet()) {
            if (!parameters.values().containsKey(e.getKey())) {
                throw new InvalidScenarioException("rules.parameters." + e.getKey(), e.getValue(),
                        "a parameter the rule set defines " + parameters.values().keySet());
            }
            parameters = parameters.with(e.getKey(), e.getValue());
        }
        return parameters;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new InvalidScenarioException("rules.directory", file, "a readable file (" + e.getMessage() + ")");
        }
    }
}
