package dev.arbiter.engine.service;

import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.engine.lifecycle.Z3ReleaseAnalysis;
import dev.arbiter.engine.lifecycle.RuleSetLifecycle;
import dev.arbiter.engine.lifecycle.ShippedPack;
import dev.arbiter.engine.service.store.AuditLog;
import dev.arbiter.engine.service.store.CandidateTable;
import dev.arbiter.engine.service.store.DecisionRepository;
import dev.arbiter.engine.service.store.DecisionSearch;
import dev.arbiter.engine.service.store.ReleaseStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The rule-set lifecycle over the service's store, audit chain and pipelines. */
@Configuration(proxyBeanMethods = false)
class LifecycleConfiguration {

    @Bean
    DecisionSearch decisionSearch(JdbcTemplate jdbc) {
        return new DecisionSearch(jdbc);
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
