package dev.arbiter.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Where packages could leak past the module graph: the fact model stays free of engines and
 * frameworks, and only the service package knows Spring.
 */
class ArchitectureTest {

    private static final JavaClasses ARBITER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.arbiter");

    @Test
    void factModelDependsOnNoEngineOrFramework() {
        noClasses().that().resideInAPackage("dev.arbiter.kb..")
                .should().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..", "ai.timefold..",
                        "com.microsoft.z3..", "alice.tuprolog..", "org.ta4j..", "org.springframework..", "tools.jackson..",
                        "dev.arbiter.rules..", "dev.arbiter.solver..", "dev.arbiter.reasoning..", "dev.arbiter.mlbridge..",
                        "dev.arbiter.engine..")
                .check(ARBITER);
    }

    @Test
    void middleModulesDoNotKnowEachOther() {
        noClasses().that().resideInAPackage("dev.arbiter.rules..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.arbiter.solver..", "dev.arbiter.reasoning..",
                        "dev.arbiter.mlbridge..", "dev.arbiter.engine..")
                .check(ARBITER);
        noClasses().that().resideInAnyPackage("dev.arbiter.solver..", "dev.arbiter.mlbridge..")
                .or().resideInAnyPackage("dev.arbiter.reasoning..").and().resideOutsideOfPackages("dev.arbiter.reasoning.analysis..", "dev.arbiter.reasoning.kb..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.arbiter.rules..", "dev.arbiter.engine..", "org.kie..")
                .check(ARBITER);
        // The rule-set analysis and the knowledge base read rule packs (the analysis parses their DRL); they
        // still know no engine and no KIE runtime.
        noClasses().that().resideInAnyPackage("dev.arbiter.reasoning.analysis..", "dev.arbiter.reasoning.kb..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.arbiter.engine..", "org.kie..")
                .check(ARBITER);
    }

    @Test
    void onlyTheServicePackageKnowsSpring() {
        noClasses().that().resideOutsideOfPackage("dev.arbiter.engine.service..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .check(ARBITER);
    }

    @Test
    void thePipelineDoesNotReachIntoTheServiceOrTheCommandLine() {
        noClasses().that().resideInAnyPackage("dev.arbiter.engine.decision..", "dev.arbiter.engine.json..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.arbiter.engine.service..", "dev.arbiter.engine.cli..")
                .check(ARBITER);
    }
}
