package dev.arbiter.engine.service;

import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.engine.decision.RuleRelease;
import dev.arbiter.engine.service.store.AccountStore;
import dev.arbiter.engine.service.store.AuditLog;
import dev.arbiter.engine.service.store.AuditVerifier;
import dev.arbiter.engine.service.store.BarStore;
import dev.arbiter.engine.service.store.DecisionRepository;
import dev.arbiter.engine.service.store.FillStore;
import dev.arbiter.engine.service.store.ReleaseStore;
import dev.arbiter.engine.service.store.TradingStateStore;
import dev.arbiter.mlbridge.indicators.IndicatorFacts;
import dev.arbiter.mlbridge.model.ModelRegistry;
import dev.arbiter.reasoning.explain.PrologExplainer;
import dev.arbiter.reasoning.kb.KnowledgeBase;
import dev.arbiter.reasoning.proof.LimitProver;
import dev.arbiter.solver.AllocatorSettings;
import dev.arbiter.solver.CapitalAllocator;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the plain-Java pipeline, the database stores and the audit chain into the service. */
@Configuration(proxyBeanMethods = false)
class PipelineConfiguration {

    /** Where registered models live (decision requests may name them): {@code arbiter.models.dir}. */
    @Bean
    ModelRegistry modelRegistry(@Value("${arbiter.models.dir:var/models}") String directory) {
        return new ModelRegistry(Path.of(directory));
    }

    @Bean(destroyMethod = "close")
    @Primary
    DecisionPipeline decisionPipeline(ModelRegistry models) {
        return DecisionPipeline.withShippedDefaults(models);
    }

    /** Pre-trade checks: the risk layers only, each intent at its requested size, still proven against every hard limit. */
    @Bean(destroyMethod = "close")
    DecisionPipeline checkPipeline(DecisionPipeline decisions, ModelRegistry models) {
        RuleRelease release = PreTradeRelease.of(decisions.active());
        return new DecisionPipeline(release.rules(), release.limits(), release.parameters(),
                new IndicatorFacts(IndicatorFacts.DEFAULT_SET), new RequestedSizes(),
                new LimitProver(Duration.ofSeconds(1)), new PrologExplainer(), KnowledgeBase.shipped(), models);
    }

    /** Pre-trade checks that ask for allocation: the same release as checks, survivors sized by the allocator. */
    @Bean(destroyMethod = "close")
    DecisionPipeline allocatedCheckPipeline(@Qualifier("checkPipeline") DecisionPipeline checks, ModelRegistry models) {
        RuleRelease release = checks.active();
        return new DecisionPipeline(release.rules(), release.limits(), release.parameters(),
                new IndicatorFacts(IndicatorFacts.DEFAULT_SET), new CapitalAllocator(AllocatorSettings.defaults())::allocate,
                new LimitProver(Duration.ofSeconds(1)), new PrologExplainer(), KnowledgeBase.shipped(), models);
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
    ReleaseStore releaseStore(JdbcTemplate jdbc, AuditLog audit, Clock clock, DecisionPipeline decisionPipeline,
                              @Qualifier("checkPipeline") DecisionPipeline checkPipeline) {
        ReleaseStore releases = new ReleaseStore(jdbc, audit, clock);
        releases.activated(decisionPipeline.active(), DecisionService.DECISION, "arbiter (start-up)");
        releases.activated(checkPipeline.active(), DecisionService.CHECK, "arbiter (start-up)");
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
    AccountStore accountStore(JdbcTemplate jdbc) {
        return new AccountStore(jdbc);
    }

    @Bean
    BarStore barStore(JdbcTemplate jdbc) {
        return new BarStore(jdbc);
    }

    @Bean
    DecisionService decisionService(DecisionPipeline decisionPipeline, @Qualifier("checkPipeline") DecisionPipeline checkPipeline,
                                    @Qualifier("allocatedCheckPipeline") DecisionPipeline allocatedCheckPipeline,
                                    DecisionRepository decisions, ReleaseStore releases,
                                    TradingStateStore tradingStates, FillStore fills, BarStore bars,
                                    AccountStore accounts, MeterRegistry registry) {
        return new DecisionService(decisionPipeline, checkPipeline, allocatedCheckPipeline, decisions,
                new StoredState(tradingStates, fills, bars, accounts),
                new DecisionMetrics(registry));
    }

    @Bean
    Replayer replayer(DecisionPipeline decisionPipeline, @Qualifier("checkPipeline") DecisionPipeline checkPipeline,
                      @Qualifier("allocatedCheckPipeline") DecisionPipeline allocatedCheckPipeline, DecisionRepository decisions,
                      ReleaseStore releases) {
        return new Replayer(decisionPipeline, checkPipeline, allocatedCheckPipeline, decisions, releases);
    }
}
