package dev.arbiter.rules.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.rules.pack.CompiledRuleSet;
import dev.arbiter.rules.pack.LimitSet;
import dev.arbiter.rules.pack.ParameterSet;
import dev.arbiter.rules.pack.RuleSet;
import dev.arbiter.rules.pack.RuleSetCompiler;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The shipped rule set's YAML cases run in the build, one JUnit test per case, plus the coverage guard. */
class ShippedRuleTestsTest {

    private static final CompiledRuleSet RULES = new RuleSetCompiler().compile(RuleSet.shippedDefault());
    private static final RuleTestReport REPORT = new RuleTestRunner().run(RULES, reference(), RuleTestFiles.shippedDefault());

    @TestFactory
    Stream<DynamicTest> everyShippedCaseHolds() {
        return REPORT.results().stream().map(result -> DynamicTest.dynamicTest(
                result.testCase().file() + ": " + result.testCase().name(),
                () -> assertThat(result.failures()).as(result.testCase().name()).isEmpty()));
    }

    @Test
    void everyShippedRuleHasACaseWhereItFiresAndOneWhereItStaysQuiet() {
        assertThat(REPORT.untestedRules()).isEmpty();
    }

    static List<Object> reference() {
        List<Object> facts = new ArrayList<>(LimitSet.shippedDefault().facts());
        facts.addAll(ParameterSet.shippedDefault().facts());
        return facts;
    }
}
