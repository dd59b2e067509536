package dev.arbiter.solver.constraints;

import static java.util.stream.Collectors.toCollection;
import static org.assertj.core.api.Assertions.assertThat;

import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.core.api.score.constraint.ConstraintRef;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;
import dev.arbiter.kb.fact.Side;
import dev.arbiter.solver.model.AllocationPlan;
import dev.arbiter.solver.model.GrossExposureLimit;
import dev.arbiter.solver.model.LotAllocation;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Guard: a constraint added to the provider without tests, both ways, fails the build. */
class ConstraintCoverageTest {

    @Test
    void everyConstraintHasATestWithImpactAndOneWithout() {
        Set<String> defined = definedConstraintNames();
        Map<String, Set<Boolean>> nameToImpactsTested = impactsTested(AllocationConstraintProviderTest.class);

        assertThat(defined).as("constraints the provider defines").isNotEmpty();
        assertThat(nameToImpactsTested.keySet()).as("constraints with a @VerifiesConstraint test")
                .containsExactlyInAnyOrderElementsOf(defined);
        for (String name : defined) {
            assertThat(nameToImpactsTested.get(name)).as("impacts tested for '%s'", name)
                    .containsExactlyInAnyOrder(true, false);
        }
    }

    /** The names the provider really defines, as Timefold sees them. */
    private static Set<String> definedConstraintNames() {
        SolverFactory<AllocationPlan> solverFactory = SolverFactory.create(new SolverConfig()
                .withSolutionClass(AllocationPlan.class)
                .withEntityClasses(LotAllocation.class)
                .withConstraintProviderClass(AllocationConstraintProvider.class));
        LotAllocation notTraded = new LotAllocation("P-BTC", "BTC-USD", Side.BUY, new BigDecimal("60000"), 0.9,
                new BigDecimal("0.01"), new BigDecimal("0.5"));
        notTraded.setLots(0);
        AllocationPlan plan = new AllocationPlan(List.of(notTraded),
                new GrossExposureLimit(new BigDecimal("50000"), BigDecimal.ZERO));
        ScoreAnalysis<HardSoftLongScore> analysis = SolutionManager.<AllocationPlan, HardSoftLongScore>create(solverFactory)
                .analyze(plan);
        return analysis.constraintMap().keySet().stream()
                .map(ConstraintRef::constraintName)
                .collect(toCollection(TreeSet::new));
    }

    private static Map<String, Set<Boolean>> impactsTested(Class<?> testClass) {
        Map<String, Set<Boolean>> nameToImpacts = new TreeMap<>();
        Arrays.stream(testClass.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(Test.class))
                .filter(method -> method.isAnnotationPresent(VerifiesConstraint.class))
                .map(ConstraintCoverageTest::annotation)
                .forEach(verifies -> nameToImpacts.computeIfAbsent(verifies.value(), name -> new TreeSet<>())
                        .add(verifies.impact()));
        return nameToImpacts;
    }

    private static VerifiesConstraint annotation(Method method) {
        return method.getAnnotation(VerifiesConstraint.class);
    }
}
