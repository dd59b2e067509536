package dev.arbiter.engine.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.engine.decision.DecisionRequest;
import dev.arbiter.engine.decision.DecisionResult;
import dev.arbiter.engine.decision.ExampleRequests;
import dev.arbiter.engine.decision.ExplanationTiming;
import dev.arbiter.engine.decision.RuleRelease;
import dev.arbiter.engine.json.CanonicalJson;
import dev.arbiter.engine.lifecycle.ShippedPack;
import dev.arbiter.rules.pack.LimitSet;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shadow runner on the real pipeline and the documented example request, without the service: a challenger with a
 * maximum order quantity of 1 changes the decision and names the rule; the champion's own release changes nothing; the
 * same decision and challenger give the same row; a challenger that fails is counted, stores nothing and never throws.
 */
class ShadowRunnerTest {

    private static DecisionPipeline pipeline;
    private static DecisionResult champion;

    /** A challenger deciding with a fixed release, or failing when asked for it. */
    private record FixedRelease(String id, RuleRelease release) implements Challenger {

        @Override
        public String kind() {
            return "rule-set";
        }

        @Override
        public String description() {
            return id;
        }

        @Override
        public boolean appliesTo(DecisionRequest championRequest) {
            return true;
        }

        @Override
        public DecisionRequest request(DecisionRequest championRequest) {
            return championRequest;
        }

        @Override
        public RuleRelease release(RuleRelease championRelease) {
            if (release == null) {
                throw new IllegalStateException("no release to decide with");
            }
            return release;
        }
    }

    /** Rows kept in memory, for a runner without a database. */
    private static final class KeptRows implements ShadowStore {
        final List<ShadowDecision> rows = new CopyOnWriteArrayList<>();

        @Override
        public void store(ShadowDecision shadow) {
            rows.add(shadow);
        }

        @Override
        public Optional<ShadowDecision> find(String decisionId, String challengerId) {
            return rows.stream().filter(r -> r.decisionId().equals(decisionId) && r.challengerId().equals(challengerId))
                    .findFirst();
        }

        @Override
        public List<ShadowDecision> between(String challengerId, Instant from, Instant to) {
            return rows;
        }
    }

    @BeforeAll
    static void championDecides() {
        pipeline = DecisionPipeline.withShippedDefaults();
        champion = pipeline.decide("dec-shadow-example", ExampleRequests.example(), pipeline.active(),
                ExplanationTiming.AFTER_ACKNOWLEDGEMENT);
    }

    @AfterAll
    static void closePipeline() {
        pipeline.close();
    }

    @Test
    void aTighterMaximumOrderQuantityChangesTheDecisionAndNamesTheRule() {
        try (ShadowRunner runner = runner(List.of(), new KeptRows())) {
            ShadowDecision shadow = runner.shadow(champion, new FixedRelease("rule-set:tight", tighter()),
                    pipeline.active());

            assertThat(shadow.changed()).isTrue();
            assertThat(shadow.differences()).contains("i-2: reason codes gained [L1-MAX-ORDER-QTY]");
            assertThat(shadow.rulesResponsible()).contains("L1-MAX-ORDER-QTY");
            assertThat(shadow.decision().orders()).allSatisfy(o -> assertThat(o.quantity()).isLessThanOrEqualTo(java.math.BigDecimal.ONE));
            assertThat(shadow.decidedAt()).isEqualTo(champion.decision().asOf());
        }
    }

    @Test
    void theChampionsOwnReleaseChangesNothing() {
        try (ShadowRunner runner = runner(List.of(), new KeptRows())) {
            ShadowDecision shadow = runner.shadow(champion, new FixedRelease("rule-set:same", pipeline.active()),
                    pipeline.active());

            assertThat(shadow.changed()).isFalse();
            assertThat(shadow.differences()).isEmpty();
            assertThat(shadow.rulesResponsible()).isEmpty();
        }
    }

    @Test
    void theSameDecisionAndChallengerGiveTheSameRow() {
        try (ShadowRunner runner = runner(List.of(), new KeptRows())) {
            FixedRelease challenger = new FixedRelease("rule-set:tight", tighter());
            String first = CanonicalJson.write(runner.shadow(champion, challenger, pipeline.active()));
            String second = CanonicalJson.write(runner.shadow(champion, challenger, pipeline.active()));

            assertThat(second).isEqualTo(first);
        }
    }

    @Test
    void aFailingChallengerIsCountedStoresNothingAndNeverThrows() throws Exception {
        KeptRows rows = new KeptRows();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        List<Challenger> challengers = List.of(new FixedRelease("rule-set:broken", null),
                new FixedRelease("rule-set:tight", tighter()));
        try (ShadowRunner runner = new ShadowRunner(() -> challengers, pipeline, rows, registry, 1, 10)) {
            runner.acknowledged(champion, pipeline.active());
            assertThat(runner.awaitQuiet(Duration.ofMinutes(1))).isTrue();
        }

        assertThat(rows.rows).extracting(ShadowDecision::challengerId).containsExactly("rule-set:tight");
        assertThat(registry.counter("arbiter.shadow.failures", "kind", "rule-set").count()).isEqualTo(1);
        assertThat(registry.counter("arbiter.shadow.decisions", "kind", "rule-set", "changed", "true").count())
                .isEqualTo(1);
    }

    private static ShadowRunner runner(List<Challenger> challengers, ShadowStore store) {
        return new ShadowRunner(() -> challengers, pipeline, store, new SimpleMeterRegistry(), 1, 10);
    }

    private static RuleRelease tighter() {
        RuleRelease active = pipeline.active();
        String limits = ShippedPack.files().get("limits.json")
                .replaceFirst("\"max-order-quantity\"\\s*:\\s*[0-9.]+", "\"max-order-quantity\": 1");
        return new RuleRelease(active.rules(), LimitSet.fromJson("limits.json", limits), active.parameters(),
                active.instruments());
    }
}
