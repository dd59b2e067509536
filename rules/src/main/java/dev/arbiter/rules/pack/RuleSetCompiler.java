package dev.arbiter.rules.pack;

import dev.arbiter.kb.InvalidFactException;
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
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/** Compiles a rule set into a Drools knowledge base, or reports every problem with its file and line. */
public final class RuleSetCompiler {

    public CompiledRuleSet compile(RuleSet ruleSet) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        for (RuleSource source : ruleSet.sources()) {
            builder.add(ResourceFactory.newByteArrayResource(source.drl().getBytes(StandardCharsets.UTF_8))
                    .setSourcePath(source.path()), ResourceType.DRL);
        }
        if (builder.hasErrors()) {
            throw new RuleCompilationException(ruleSet.name(), diagnostics(builder));
        }
        KieBase kieBase = builder.newKieBase();
        List<RuleDiagnostic> metadataProblems = new ArrayList<>();
        List<RuleMetadata> rules = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                try {
                    RuleMetadata meta = RuleMetadata.of(rule);
                    if (meta.reasonCode().isBlank()) {
                        metadataProblems.add(new RuleDiagnostic(pkg.getName(), 0, "rule '" + rule.getName()
                                + "' declares no @reasonCode; every rule needs a stable reason code"));
                    }
                    rules.add(meta);
                } catch (InvalidFactException e) {
                    metadataProblems.add(new RuleDiagnostic(pkg.getName(), 0,
                            "rule '" + rule.getName() + "': @layer " + e.value() + " is not accepted; expected " + e.accepted()));
                }
            }
        }
        if (!metadataProblems.isEmpty()) {
            throw new RuleCompilationException(ruleSet.name(), metadataProblems);
        }
        Map<String, RuleMetadata> byName = rules.stream()
                .collect(Collectors.toMap(RuleMetadata::rule, Function.identity(), (a, b) -> {
                    throw new RuleCompilationException(ruleSet.name(), List.of(new RuleDiagnostic(ruleSet.name(), 0,
                            "two rules are named '" + a.rule() + "'; rule names must be unique")));
                }));
        return new CompiledRuleSet(ruleSet, kieBase, byName);
    }

    private static List<RuleDiagnostic> diagnostics(KnowledgeBuilder builder) {
        List<RuleDiagnostic> diagnostics = new ArrayList<>();
        for (KnowledgeBuilderError error : builder.getErrors()) {
            String message = error.getMessage().strip();
            // Drools follows a syntax error with a second, uninformative one; the first says it all.
            if (message.startsWith("Parser returned a null Package")) {
                continue;
            }
            int[] lines = error.getLines();
            String file = error.getResource() == null ? "?" : error.getResource().getSourcePath();
            diagnostics.add(new RuleDiagnostic(file, lines.length > 0 ? lines[0] : 0, message));
        }
        return diagnostics;
    }
}
