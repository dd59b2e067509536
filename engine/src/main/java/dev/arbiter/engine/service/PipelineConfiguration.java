package dev.arbiter.engine.service;

import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.engine.decision.RuleRelease;
import dev.arbiter.engine.models.ModelLifecycle;
import dev.arbiter.engine.service.store.AuditLog;
import dev.arbiter.engine.service.store.AuditVerifier;
import dev.arbiter.engine.service.store.DatabaseJournal;
import dev.arbiter.engine.service.store.DecisionRepository;
import dev.arbiter.engine.service.store.DiskSync;
import dev.arbiter.engine.service.store.ReleaseStore;
import dev.arbiter.engine.service.store.TraceWindows;
import dev.arbiter.engine.service.store.TradingStateStore;
import dev.arbiter.engine.shadow.ShadowRunner;
import dev.arbiter.engine.state.EngineDecisions;
import dev.arbiter.engine.state.Journal;
import dev.arbiter.engine.state.StateSettings;
import dev.arbiter.engine.state.TradingCore;
import dev.arbiter.mlbridge.indicators.IndicatorFacts;
import dev.arbiter.mlbridge.model.ModelRegistry;
import dev.arbiter.reasoning.explain.PrologExplainer;
import dev.arbiter.reasoning.kb.KnowledgeBase;
import dev.arbiter.reasoning.proof.LimitProver;
import dev.arbiter.solver.AllocatorSettings;
import dev.arbiter.solver.CapitalAllocator;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
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
        return DecisionPipeline.preTradeChecks(decisions.active(), models);
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

    /**
     * What acknowledgements wait for: the embedded H2 file database's commits written to its file and forced to the
     * disk, or only written when {@code arbiter.store.force-to-disk} is false; nothing with PostgreSQL, which forces
     * its own commits.
     */
    @Bean
    DiskSync diskSync(@Value("${spring.datasource.url}") String url,
                      @Value("${arbiter.store.force-to-disk:true}") boolean forceToDisk, JdbcTemplate jdbc,
                      MeterRegistry meters) {
        DiskSync disk = DiskSync.forDatabase(url, jdbc, forceToDisk);
        io.micrometer.core.instrument.FunctionCounter.builder("arbiter.store.disk.forces", disk, DiskSync::forceCount)
                .description("writes of the database file (forced to the disk unless arbiter.store.force-to-disk is false),"
                        + " each shared by the acknowledgements waiting")
                .register(meters);
        return disk;
    }

    @Bean
    FilterRegistrationBean<DurableAcknowledgement> durableAcknowledgement(DiskSync disk) {
        FilterRegistrationBean<DurableAcknowledgement> registration =
                new FilterRegistrationBean<>(new DurableAcknowledgement(disk));
        // inside the body-size limit, outside security and the controllers: whatever they committed is forced
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
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
    TraceWindows traceWindows(JdbcTemplate jdbc) {
        return new TraceWindows(jdbc);
    }

    @Bean
    DecisionRepository decisionRepository(JdbcTemplate jdbc, AuditLog audit, TraceWindows windows, Clock clock) {
        return new DecisionRepository(jdbc, audit, windows, clock);
    }

    @Bean
    TradingStateStore tradingStateStore(JdbcTemplate jdbc, AuditLog audit, Clock clock) {
        return new TradingStateStore(jdbc, audit, clock);
    }

    /**
     * How the engine keeps state: the trading-day boundary, time in force, rate window, bars kept, snapshots, and the
     * silence after which an instrument's returning bars find it halted ({@code off} for none).
     */
    @Bean
    StateSettings stateSettings(@Value("${arbiter.state.trading-day-start:00:00}") String dayStart,
                                @Value("${arbiter.state.time-in-force:PT5M}") String timeInForce,
                                @Value("${arbiter.state.rate-window:PT60S}") String rateWindow,
                                @Value("${arbiter.state.loss-lookback:PT24H}") String lossLookback,
                                @Value("${arbiter.state.bars-kept:300}") int barsKept,
                                @Value("${arbiter.state.snapshot-every:1000}") int snapshotEvery,
                                @Value("${arbiter.state.reconcile-tolerance:0.0001}") BigDecimal tolerance,
                                @Value("${arbiter.state.venue-halt-gap:PT4H}") String venueHaltGap) {
        return new StateSettings(LocalTime.parse(dayStart), Duration.parse(timeInForce), Duration.parse(rateWindow),
                Duration.parse(lossLookback), barsKept, snapshotEvery, tolerance,
                venueHaltGap.isBlank() || venueHaltGap.equals("off") ? null : Duration.parse(venueHaltGap));
    }

    /** The journal events are appended to, in the service's database, before they are acknowledged. */
    @Bean(destroyMethod = "close")
    Journal journal(JdbcTemplate jdbc) {
        return new DatabaseJournal(jdbc);
    }

    /** The engine's own trading state, restored from the journal at start-up. */
    @Bean(destroyMethod = "close")
    TradingCore tradingCore(Journal journal, StateSettings settings) {
        return new TradingCore(journal, settings, IndicatorFacts.DEFAULT_SET);
    }

    /** Requests run the models the model lifecycle activated, never a registered version of their choosing. */
    @Bean
    EngineDecisions engineDecisions(TradingCore core, ModelLifecycle models) {
        return new EngineDecisions(core, models);
    }

    /**
     * How many decisions and checks the service holds at once ({@code arbiter.gate.max-in-flight}); beyond that 503
     * with {@code Retry-After} ({@code arbiter.gate.retry-after}).
     */
    @Bean
    Admission admission(@Value("${arbiter.gate.max-in-flight:0}") int maxInFlight,
                        @Value("${arbiter.gate.retry-after:PT1S}") String retryAfter, MeterRegistry registry) {
        // unset: four per core, enough to keep the cores busy while some wait for their account or the database,
        // few enough that an admitted request waits milliseconds, not seconds (each running one holds its own engines)
        int capacity = maxInFlight == 0 ? 4 * Runtime.getRuntime().availableProcessors() : maxInFlight;
        Admission admission = new Admission(capacity, Duration.parse(retryAfter));
        io.micrometer.core.instrument.Gauge.builder("arbiter.gate.in.flight", admission, Admission::inFlight)
                .description("decisions and checks held now, running or waiting for their account").register(registry);
        return admission;
    }

    @Bean
    PipelinesByKind pipelinesByKind(DecisionPipeline decisionPipeline,
                                    @Qualifier("checkPipeline") DecisionPipeline checkPipeline,
                                    @Qualifier("allocatedCheckPipeline") DecisionPipeline allocatedCheckPipeline) {
        return new PipelinesByKind(decisionPipeline, checkPipeline, allocatedCheckPipeline);
    }

    @Bean
    DecisionMetrics decisionMetrics(MeterRegistry registry) {
        return new DecisionMetrics(registry);
    }

    /**
     * Risk gauges per account, limit and instrument, refreshed every {@code arbiter.metrics.risk-refresh}; the audit
     * chain verified {@code arbiter.metrics.audit-verify-records} records at a time, every
     * {@code arbiter.metrics.audit-verify-every}.
     */
    @Bean(destroyMethod = "close")
    RiskGauges riskGauges(RiskView riskView, DecisionPipeline decisionPipeline, AuditVerifier audit,
                          MeterRegistry registry,
                          @Value("${arbiter.metrics.risk-refresh:PT5S}") String refresh,
                          @Value("${arbiter.metrics.audit-verify-every:PT10S}") String verifyEvery,
                          @Value("${arbiter.metrics.audit-verify-records:2000}") int verifyRecords) {
        return new RiskGauges(riskView, decisionPipeline, audit, registry)
                .start(Duration.parse(refresh), Duration.parse(verifyEvery), verifyRecords);
    }

    /** The live risk picture: the console's risk view and the gauges. */
    @Bean
    RiskView riskView(TradingCore core, EngineDecisions decisions, DecisionPipeline decisionPipeline, Clock clock) {
        return new RiskView(core, decisions, decisionPipeline, clock);
    }

    /**
     * Explains decisions after their acknowledgement ({@code arbiter.explanations.workers} threads, default half the
     * cores and at least one; at most {@code arbiter.explanations.max-queued} queued), and at start-up explains the
     * decisions a stop or a crash left acknowledged but unexplained. A queued explanation holds its decision's trace
     * and stored JSON, about 40 KB with the example's 120 bars: the default 1000 keeps a full queue near 40 MB of a
     * heap of 768 MB (10,000 took 1.1 to 1.3 GB of resident memory once checks outran the explainer).
     */
    @Bean(destroyMethod = "close")
    DeferredExplanations deferredExplanations(DecisionRepository decisions, PipelinesByKind pipelines,
                                              DecisionMetrics metrics, MeterRegistry registry,
                                              @Value("${arbiter.explanations.workers:0}") int workers,
                                              @Value("${arbiter.explanations.max-queued:1000}") int maxQueued) {
        int threads = workers == 0 ? Math.max(1, Runtime.getRuntime().availableProcessors() / 2) : workers;
        DeferredExplanations explanations = new DeferredExplanations(decisions, pipelines, metrics, threads, maxQueued);
        io.micrometer.core.instrument.Gauge.builder("arbiter.explanations.queued", explanations,
                DeferredExplanations::underWay).description("decisions acknowledged whose explanation is queued or"
                + " being worked out").register(registry);
        explanations.takeUpWorkList();
        return explanations;
    }

    @Bean
    DecisionService decisionService(PipelinesByKind pipelines, DecisionRepository decisions,
                                    DeferredExplanations explanations, ShadowRunner shadows, EngineDecisions engine,
                                    DecisionMetrics metrics, Clock clock, Admission admission,
                                    Optional<ClusterDecisions> cluster) {
        return new DecisionService(pipelines, decisions, explanations, shadows, engine, metrics, clock, admission,
                cluster);
    }

    @Bean
    Replayer replayer(PipelinesByKind pipelines, DecisionRepository decisions, ReleaseStore releases,
                      DeferredExplanations explanations) {
        return new Replayer(pipelines, decisions, releases, explanations);
    }
}
