package dev.arbiter.engine.cli;

import dev.arbiter.reasoning.analysis.AnalysisReport;
import dev.arbiter.reasoning.analysis.Invariants;
import dev.arbiter.reasoning.analysis.RuleSetAnalyzer;
import dev.arbiter.reasoning.kb.KnowledgeBase;
import dev.arbiter.rules.pack.CompiledRuleSet;
import dev.arbiter.rules.pack.LimitSet;
import dev.arbiter.rules.pack.ParameterSet;
import dev.arbiter.rules.pack.RuleCompilationException;
import dev.arbiter.rules.pack.RuleDiagnostic;
import dev.arbiter.rules.pack.RuleSet;
import dev.arbiter.rules.pack.RuleSetCompiler;
import dev.arbiter.rules.pack.RuleSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code arbiter rules check DIR}: vets and compiles every {@code .drl} file below DIR, then analyses the
 * rule set with Z3 against DIR's {@code limits.json}, {@code parameters.json} and {@code invariants.yaml}
 * (each optional) and prints the analysis; DIR's {@code instruments.json} (optional) is validated and its version
 * printed; a {@code kb/} folder of Prolog files is loaded over the shipped
 * knowledge base, and a file that is not valid Prolog fails the check. Exit 0 when clean (shadowed rules are warnings), 1 with one
 * diagnostic per line on stderr when a rule does not compile, a rule is dead, limits contradict each
 * other, an invariant is not proved or instruments.json is not valid, 2 when DIR is not a rule-set directory.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Vet, compile and analyse a rule-set directory: every problem with its file, line and rule; "
                + "dead and shadowed rules, contradictory limits, invariants proved or refuted with a counterexample; "
                + "instruments.json validated.")
final class RulesCheckCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "rule-set directory, e.g. rules/src/main/resources/rulepacks/default")
    private Path directory;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(directory)) {
            System.err.println("DIR: " + directory + " is not a directory; expected a rule-set directory holding .drl files");
            return 2;
        }
        RuleSet ruleSet;
        try {
            ruleSet = RuleSet.fromDirectory(directory.getFileName() == null ? "rules" : directory.getFileName().toString(),
                    directory);
        } catch (IllegalArgumentException e) {
            System.err.println("DIR: " + e.getMessage());
            return 2;
        }
        try {
            CompiledRuleSet compiled = new RuleSetCompiler().compile(ruleSet);
            long files = ruleSet.sources().stream().map(RuleSource::path).distinct().count();
            System.out.println("ok: " + compiled.rules().size() + " rules in " + files + " files, version " + compiled.version());
            return analyse(ruleSet);
        } catch (RuleCompilationException e) {
            for (RuleDiagnostic diagnostic : e.diagnostics()) {
                System.err.println(diagnostic);
            }
            System.err.println(e.diagnostics().size() + " problem" + (e.diagnostics().size() == 1 ? "" : "s")
                    + " in rule set " + directory + "; nothing was activated");
            return 1;
        }
    }

    private int analyse(RuleSet ruleSet) throws IOException {
        try {
            InstrumentsFile.read(directory).ifPresent(instruments -> System.out.println("instruments: "
                    + instruments.listed().size() + " listed, version " + instruments.version()));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 1;
        }
        Path kb = directory.resolve("kb");
        if (Files.isDirectory(kb)) {
            try {
                System.out.println("knowledge base: " + KnowledgeBase.withOverrides(kb).files().size()
                        + " Prolog files, the shipped ones with this rule set's kb/ on top");
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                return 1;
            }
        }
        AnalysisReport report;
        try {
            report = new RuleSetAnalyzer().analyze(ruleSet, limits(), parameters(), Invariants.fromDirectory(directory));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 1;
        }
        report.lines().forEach(System.out::println);
        if (report.passes()) {
            return 0;
        }
        long unproved = report.invariants().stream().filter(i -> i.verdict() != AnalysisReport.Verdict.PROVED).count();
        System.err.println("rule set " + directory + " fails the analysis: " + report.dead().size() + " dead rules, "
                + report.limitConflicts().size() + " limit contradictions, " + unproved
                + " invariants not proved; see the analysis above");
        return 1;
    }

    private LimitSet limits() throws IOException {
        Path file = directory.resolve("limits.json");
        return LimitSet.fromJson(file.toString(), Files.exists(file) ? Files.readString(file) : "{}");
    }

    private ParameterSet parameters() throws IOException {
        Path file = directory.resolve("parameters.json");
        return ParameterSet.fromJson(file.toString(), Files.exists(file) ? Files.readString(file) : "{}");
    }
}
