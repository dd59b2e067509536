package dev.arbiter.engine.decision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.rules.pack.CompiledRuleSet;
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
        RuleRelease standard = new RuleRelease(rules, LimitSet.shippedDefault(), ParameterSet.shippedDefault());
        RuleRelease tight = new RuleRelease(rules, LimitSet.shippedDefault().with("max-order-quantity", new BigDecimal("3")),
                ParameterSet.shippedDefault());
        DecisionRequest request = ExampleRequests.example();
        ConcurrentLinkedQueue<DecisionResult> results = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);

        try (DecisionPipeline pipeline = DecisionPipeline.withShippedDefaults()) {
            pipeline.activate(standard);
            ExecutorService deciders = Executors.newFixedThreadPool(2);
            List<Future<?>> work = List.of(
                    deciders.submit(() -> decideWhile(running, pipeline, request, results)),
                    deciders.submit(() -> decideWhile(running, pipeline, request, results)));
            for (int swap = 0; swap < 6; swap++) {
                Thread.sleep(150);
                RuleRelease previous = pipeline.activate(swap % 2 == 0 ? tight : standard);
                assertThat(previous).isIn(standard, tight);
            }
            running.set(false);
            for (Future<?> f : work) {
                f.get(60, TimeUnit.SECONDS);
            }
            deciders.shutdown();
        }

        assertThat(results).hasSizeGreaterThan(2);
        assertThat(results).allSatisfy(r -> {
            boolean madeTight = r.decision().versions().limits().equals(tight.limits().version());
            assertThat(r.decision().versions().limits()).isIn(standard.limits().version(), tight.limits().version());
            BigDecimal i1 = r.decision().orders().stream().filter(o -> o.proposalId().equals("i-1"))
                    .findFirst().orElseThrow().quantity();
            assertThat(i1).isEqualByComparingTo(madeTight ? "3" : "10");
            assertThat(r.trace().versions()).isEqualTo(r.decision().versions());
        });
        assertThat(results).extracting(r -> r.decision().versions().limits()).contains(tight.limits().version(),
                standard.limits().version());
    }

    private static void decideWhile(AtomicBoolean running, DecisionPipeline pipeline, DecisionRequest request,
                                     ConcurrentLinkedQueue<DecisionResult> results) {
        int n = 0;
        while (running.get() || n == 0) {
            results.add(pipeline.decide("dec-" + Thread.currentThread().getName() + "-" + n++, request));
        }
    }
}
