package dev.arbiter.rules.pack;

import dev.arbiter.kb.InvalidFactException;
import dev.arbiter.kb.outcome.Layer;
import dev.arbiter.rules.vet.DroolsErrorTranslator;
import dev.arbiter.rules.vet.DrlVetter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * Compiles a rule set into a Drools knowledge base, or reports every problem with its file, line, rule
 * and a hint. The DRL is vetted first ({@link DrlVetter}): a rule set that uses anything outside the
 * allowlist is refused before Drools compiles any of it.
 */
public final class RuleSetCompiler {

    private final DrlVetter vetter = new DrlVetter();

    public CompiledRuleSet compile(RuleSet ruleSet) {
        List<RuleDiagnostic> refused = vetter.vet(ruleSet);
        if (!refused.isEmpty()) {
            throw new RuleCompilationException(ruleSet.name(), refused);
        }
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        for (RuleSource source : ruleSet.sources()) {
            builder.add(ResourceFactory.newByteArrayResource(source.drl().getBytes(StandardCharsets.UTF_8))
                    .setSourcePath(source.path()), ResourceType.DRL);
        }
        if (builder.hasErrors()) {
            throw new RuleCompilationException(ruleSet.name(), DroolsErrorTranslator.translate(builder, ruleSet));
        }
        KieBase kieBase = builder.newKieBase();
        List<RuleDiagnostic> metadataProblems = new ArrayList<>();
        List<RuleMetadata> rules = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                try {
                    RuleMetadata meta = RuleMetadata.of(rule);
                    if (meta.reasonCode().isBlank()) {
                        metadataProblems.add(DroolsErrorTranslator.aboutRule(ruleSet, rule.getName(),
                                "the rule declares no @reasonCode",
                                "every rule needs a stable reason code, e.g. @reasonCode(\"L1-MAX-ORDER-QTY\")"));
                    }
                    if (meta.layer() == Layer.ENGINE) {
                        metadataProblems.add(DroolsErrorTranslator.aboutRule(ruleSet, rule.getName(),
                                "@layer(\"ENGINE\") is reserved for the engine's own faults",
                                "write @layer(\"STRATEGY\") or @layer(\"L1\") .. @layer(\"L7\")"));
                    }
                    rules.add(meta);
                } catch (InvalidFactException e) {
                    boolean severity = e.field().equals("severity");
                    metadataProblems.add(DroolsErrorTranslator.aboutRule(ruleSet, rule.getName(),
                            (severity ? "@severity " : "@layer ") + e.value() + " is not accepted; expected " + e.accepted(),
                            severity ? "write @severity(\"LOW\"), \"MEDIUM\", \"HIGH\" or \"CRITICAL\", or leave it out for MEDIUM"
                                    : "write @layer(\"STRATEGY\") or @layer(\"L1\") .. @layer(\"L7\")"));
                }
            }
        }
        if (!metadataProblems.isEmpty()) {
            throw new RuleCompilationException(ruleSet.name(), metadataProblems);
        }
        Map<String, RuleMetadata> byName = rules.stream()
                .collect(Collectors.toMap(RuleMetadata::rule, Function.identity(), (a, b) -> {
                    throw new RuleCompilationException(ruleSet.name(), List.of(DroolsErrorTranslator.aboutRule(ruleSet,
                            a.rule(), "two rules are named '" + a.rule() + "'", "rule names must be unique")));
                }));
        return new CompiledRuleSet(ruleSet, kieBase, byName);
    }
}
