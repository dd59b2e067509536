package dev.arbiter.engine.service;

import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.engine.lifecycle.RuleSetLifecycle;
import dev.arbiter.engine.lifecycle.ShippedPack;
import dev.arbiter.engine.lifecycle.Z3ReleaseAnalysis;
import dev.arbiter.engine.models.ModelChallengers;
import dev.arbiter.engine.models.ModelLifecycle;
import dev.arbiter.engine.service.store.AuditLog;
import dev.arbiter.engine.service.store.CandidateTable;
import dev.arbiter.engine.service.store.DecisionRepository;
import dev.arbiter.engine.service.store.DecisionSearch;
import dev.arbiter.engine.service.store.ReleaseStore;
import dev.arbiter.engine.service.store.ShadowTable;
import dev.arbiter.engine.service.store.TraceWindows;
import dev.arbiter.engine.shadow.ChallengerSource;
import dev.arbiter.engine.shadow.ShadowRunner;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/** The rule-set lifecycle over the service's store, audit chain and pipelines, and its candidates in shadow. */
@Configuration(proxyBeanMethods = false)
class LifecycleConfiguration {

    @Bean
    DecisionSearch decisionSearch(JdbcTemplate jdbc, TraceWindows windows) {
        return new DecisionSearch(jdbc, windows);
    }

    @Bean
    ShadowTable shadowTable(JdbcTemplate jdbc, AuditLog audit, TraceWindows windows) {
        return new ShadowTable(jdbc, audit, windows);
    }

    /**
     * Runs the rule-set and model candidates in shadow after each decision's acknowledgement ({@code arbiter.shadow.workers} threads,
     * default 1; at most {@code arbiter.shadow.max-queued} runs waiting, default 1000, beyond which runs are skipped and
     * counted).
     */
    @Bean(destroyMethod = "close")
    ShadowRunner shadowRunner(ChallengerSource challengers, DecisionPipeline decisionPipeline, ShadowTable shadows,
                              MeterRegistry registry, @Value("${arbiter.shadow.workers:1}") int workers,
                              @Value("${arbiter.shadow.max-queued:1000}") int maxQueued) {
        return new ShadowRunner(challengers, decisionPipeline, shadows, registry, workers, maxQueued);
    }

    /** The challengers of both lifecycles: rule-set candidates and model candidates in shadow. */
    @Bean
    @Primary
    ChallengerSource challengerSource(RuleSetLifecycle rules, ModelLifecycle models) {
        return ChallengerSource.every(List.of(rules, new ModelChallengers(models)));
    }

    @Bean
    CandidateTable candidateTable(JdbcTemplate jdbc, AuditLog audit) {
        return new CandidateTable(jdbc, audit);
    }

    /**
     * Started after the release store has recorded the start-up release; after a restart, the release a risk
     * officer last activated (or rolled back to) is activated again.
     */
    @Bean
    RuleSetLifecycle ruleSetLifecycle(DecisionPipeline decisionPipeline,
                                      @Qualifier("checkPipeline") DecisionPipeline checkPipeline,
                                      @Qualifier("allocatedCheckPipeline") DecisionPipeline allocatedCheckPipeline,
                                      ReleaseStore releases, CandidateTable candidates, DecisionRepository decisions,
                                      Clock clock, MeterRegistry registry,
                                      @Value("${arbiter.impact.decisions:200}") int impactDecisions) {
        RuleSetLifecycle lifecycle = new RuleSetLifecycle(new ServiceReleaseSwitch(decisionPipeline, checkPipeline,
                allocatedCheckPipeline, releases, registry), candidates, candidates,
                new Z3ReleaseAnalysis(), new RecentDecisionsImpact(decisions, decisionPipeline, impactDecisions), clock);
        lifecycle.bootstrap(ShippedPack.files(), "arbiter (start-up)");
        return lifecycle;
    }
}
