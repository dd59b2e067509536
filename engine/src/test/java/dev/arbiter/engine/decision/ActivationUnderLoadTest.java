package dev.arbiter.engine.decision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.rules.pack.CompiledRuleSet;
import dev.arbiter.rules.pack.InstrumentSet;
import dev.arbiter.rules.pack.LimitSet;
import dev.arbiter.rules.pack.ParameterSet;
import dev.arbiter.rules.pack.RuleSet;
import dev.arbiter.rules.pack.RuleSetCompiler;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Releases swap while decisions run: every decision is made wholly by one release (its limits match
 * its orders) and names it; none fails.
 */
class ActivationUnderLoadTest {

    @Test
    void everyDecisionIsMadeWhollyByTheReleaseItNames() throws Exception {
        CompiledRuleSet rules = new RuleSetCompiler().compile(RuleSet.shippedDefault());
        RuleRelease standard = new RuleRelease(rules, LimitSet.shippedDefault(), ParameterSet.shippedDefault(),
                InstrumentSet.shippedDefault());
        RuleRelease tight = new RuleRelease(rules, LimitSet.shippedDefault().with("max-order-quantity", new BigDecimal("3")),
                ParameterSet.shippedDefault(), InstrumentSet.shippedDefault());
        DecisionRequest request = ExampleRequests.example();
        ConcurrentLinkedQueue<DecisionResult> results = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);

        try (DecisionPipeline pipeline = DecisionPipeline.withShippedDefaults()) {
            pipeline.activate(standard);
            pipeline.decide("dec-warm-up", request);
            ExecutorService deciders = Executors.newFixedThreadPool(2);
            List<Future<?>> work = List.of(
                    deciders.submit(() -> decideWhile(running, pipeline, request, results)),
                    deciders.submit(() -> decideWhile(running, pipeline, request, results)));
            // Swap until decisions have run under both releases several times over (bounded, not timed).
            for (int swap = 0; swap < 200 && results.size() < 40; swap++) {
                Thread.sleep(50);
                RuleRelease previous = pipeline.activate(swap % 2 == 0 ? tight : standard);
                assertThat(previous == standard || previous == tight).isTrue();
            }
            running.set(false);
            for (Future<?> f : work) {
                f.get(60, TimeUnit.SECONDS);
            }
            deciders.shutdown();
        }

        // "<limits version> i-1=<size>" per decision: small enough to print when an assertion fails
        List<String> made = results.stream().map(r -> r.decision().versions().limits() + " i-1="
                + r.decision().orders().stream().filter(o -> o.proposalId().equals("i-1")).findFirst()
                        .map(o -> o.quantity().stripTrailingZeros().toPlainString()).orElse("none")
                + (r.trace().versions().equals(r.decision().versions()) ? "" : " trace-differs")).toList();
        assertThat(made).hasSizeGreaterThanOrEqualTo(10)
                .allMatch(m -> m.equals(tight.limits().version() + " i-1=3") || m.equals(standard.limits().version() + " i-1=10"))
                .contains(tight.limits().version() + " i-1=3", standard.limits().version() + " i-1=10");
    }

    @Test
    void aRuleSetThatFailsVettingNeverBecomesActive() {
        List<dev.arbiter.rules.pack.RuleSource> sources = new java.util.ArrayList<>(RuleSet.shippedDefault().sources());
        sources.add(new dev.arbiter.rules.pack.RuleSource("l7-compliance/exit.drl", """
                package arbiter.risk.l7;
                import dev.arbiter.kb.fact.Proposal;
                rule "Stops the engine"
                    @layer("L7") @reasonCode("L7-EXIT")
                when
                    Proposal()
                then
                    System.exit(1);
                end
                """));

        try (DecisionPipeline pipeline = DecisionPipeline.withShippedDefaults()) {
            RuleRelease before = pipeline.active();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> pipeline.activate(new RuleRelease(
                            new RuleSetCompiler().compile(RuleSet.of("candidate", sources)),
                            LimitSet.shippedDefault(), ParameterSet.shippedDefault(), InstrumentSet.shippedDefault())))
                    .isInstanceOf(dev.arbiter.rules.pack.RuleCompilationException.class)
                    .hasMessageContaining("l7-compliance/exit.drl:8 rule \"Stops the engine\": System.exit is not allowed in a rule");

            assertThat(pipeline.active()).isSameAs(before);
            assertThat(pipeline.decide("dec-after", ExampleRequests.example()).decision().versions().ruleSet())
                    .isEqualTo(before.rules().version());
        }
    }

    private static void decideWhile(AtomicBoolean running, DecisionPipeline pipeline, DecisionRequest request,
                                     ConcurrentLinkedQueue<DecisionResult> results) {
        int n = 0;
        while (running.get() || n == 0) {
            results.add(pipeline.decide("dec-" + Thread.currentThread().getName() + "-" + n++, request));
        }
    }
}
