package dev.arbiter.engine.cli;

import dev.arbiter.rules.pack.CompiledRuleSet;
import dev.arbiter.rules.pack.LimitSet;
import dev.arbiter.rules.pack.ParameterSet;
import dev.arbiter.rules.pack.RuleCompilationException;
import dev.arbiter.rules.pack.RuleSet;
import dev.arbiter.rules.pack.RuleSetCompiler;
import dev.arbiter.rules.testing.RuleTestFiles;
import dev.arbiter.rules.testing.RuleTestReport;
import dev.arbiter.rules.testing.RuleTestRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code arbiter rules test DIR}: runs a rule set's YAML cases and prints a pass/fail report. DIR's
 * {@code instruments.json} (optional) is validated first: a pack whose reference data the lifecycle would refuse
 * does not pass. Rule tests state the instruments they need as facts, so the file is not added to their sessions.
 */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Run the rule tests (*.test.yaml, background.yaml) of a rule-set directory against its rules, "
                + "limits.json and parameters.json, after validating instruments.json. Exit 0 when every case passes "
                + "and every rule has a case where it fires and one where it stays quiet.")
final class RulesTestCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "rule-set directory, e.g. rules/src/main/resources/rulepacks/default")
    private Path directory;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(directory)) {
            System.err.println("DIR: " + directory + " is not a directory");
            return 2;
        }
        RuleTestReport report;
        try {
            InstrumentsFile.read(directory);
            CompiledRuleSet rules = new RuleSetCompiler().compile(RuleSet.fromDirectory(directory.toString(), directory));
            List<Object> reference = new ArrayList<>(limits(directory).facts());
            reference.addAll(parameters(directory).facts());
            report = new RuleTestRunner().run(rules, reference, RuleTestFiles.fromDirectory(directory));
        } catch (RuleCompilationException | IllegalArgumentException e) { // includes bad test files
            System.err.println(e.getMessage());
            return 1;
        }
        System.out.print(report.render());
        return report.passed() ? 0 : 1;
    }

    private static LimitSet limits(Path directory) throws IOException {
        Path file = directory.resolve("limits.json");
        return LimitSet.fromJson(file.toString(), Files.exists(file) ? Files.readString(file) : "{}");
    }

    private static ParameterSet parameters(Path directory) throws IOException {
        Path file = directory.resolve("parameters.json");
        return ParameterSet.fromJson(file.toString(), Files.exists(file) ? Files.readString(file) : "{}");
    }
}
