package dev.arbiter.engine.service;

import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.engine.service.store.AuditLog;
import dev.arbiter.engine.service.store.AuditVerifier;
import dev.arbiter.engine.service.store.BarStore;
import dev.arbiter.engine.service.store.DecisionRepository;
import dev.arbiter.engine.service.store.FillStore;
import dev.arbiter.engine.service.store.ReleaseStore;
import dev.arbiter.engine.service.store.TradingStateStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the plain-Java pipeline, the database stores and the audit chain into the service. */
@Configuration(proxyBeanMethods = false)
class PipelineConfiguration {

    @Bean(destroyMethod = "close")
    DecisionPipeline decisionPipeline() {
        return DecisionPipeline.withShippedDefaults();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "close")
    AuditLog auditLog(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock) {
        return new AuditLog(jdbc, transactions, clock);
    }

    @Bean
    AuditVerifier auditVerifier(JdbcTemplate jdbc) {
        return new AuditVerifier(jdbc);
    }

    /** Stores the release the pipeline starts with and records its activation before any decision. */
    @Bean
    ReleaseStore releaseStore(JdbcTemplate jdbc, AuditLog audit, Clock clock, DecisionPipeline pipeline,
                              MeterRegistry registry) {
        ReleaseStore releases = new ReleaseStore(jdbc, audit, clock);
        releases.activated(pipeline.active(), "arbiter (start-up)");
        Gauge.builder("arbiter.ruleset.active", () -> 1).description("The rule set decisions are made with now")
                .tag("ruleSet", pipeline.versions().ruleSet()).tag("limits", pipeline.versions().limits())
                .tag("parameters", pipeline.versions().parameters()).register(registry);
        return releases;
    }

    @Bean
    DecisionRepository decisionRepository(JdbcTemplate jdbc, AuditLog audit, Clock clock) {
        return new DecisionRepository(jdbc, audit, clock);
    }

    @Bean
    TradingStateStore tradingStateStore(JdbcTemplate jdbc, AuditLog audit, Clock clock) {
        return new TradingStateStore(jdbc, audit, clock);
    }

    @Bean
    FillStore fillStore(JdbcTemplate jdbc, TransactionTemplate transactions) {
        return new FillStore(jdbc, transactions);
    }

    @Bean
    BarStore barStore(JdbcTemplate jdbc) {
        return new BarStore(jdbc);
    }

    @Bean
    DecisionService decisionService(DecisionPipeline pipeline, DecisionRepository decisions, ReleaseStore releases,
                                    TradingStateStore tradingStates, FillStore fills, BarStore bars,
                                    MeterRegistry registry) {
        return new DecisionService(pipeline, decisions, new StoredState(tradingStates, fills, bars),
                new DecisionMetrics(registry));
    }

    @Bean
    Replayer replayer(DecisionPipeline pipeline, DecisionRepository decisions, ReleaseStore releases) {
        return new Replayer(pipeline, decisions, releases);
    }
}
