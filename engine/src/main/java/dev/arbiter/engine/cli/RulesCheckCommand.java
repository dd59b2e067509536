package dev.arbiter.engine.cli;

import dev.arbiter.rules.pack.CompiledRuleSet;
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
 * {@code arbiter rules check DIR}: vets and compiles every {@code .drl} file below DIR. Exit 0 when clean,
 * 1 with one diagnostic per line on stderr, 2 when DIR is not a rule-set directory.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Vet and compile a rule-set directory and report every problem with its file, line and rule.")
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
            return 0;
        } catch (RuleCompilationException e) {
            for (RuleDiagnostic diagnostic : e.diagnostics()) {
                System.err.println(diagnostic);
            }
            System.err.println(e.diagnostics().size() + " problem" + (e.diagnostics().size() == 1 ? "" : "s")
                    + " in rule set " + directory + "; nothing was activated");
            return 1;
        }
    }
}
