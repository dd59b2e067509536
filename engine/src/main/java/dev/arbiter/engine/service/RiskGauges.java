package dev.arbiter.engine.service;

import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.engine.service.store.AuditReport;
import dev.arbiter.engine.service.store.AuditVerifier;
import dev.arbiter.engine.service.store.ChainWalk;
import dev.arbiter.kb.fact.TradingControl;
import dev.arbiter.kb.fact.TradingState;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The risk figures an operator watches, as Prometheus gauges refreshed from the engine's own state ({@link RiskView}):
 * per account its equity, drawdown, day's P&amp;L, gross exposure, margin ratio and trading state, and how much of
 * each limit it uses; per instrument its trading state and the age of its last bar; the kill switches; and whether the
 * audit chain holds, as far as a verification walking it a few records at a time has found.
 */
final class RiskGauges implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RiskGauges.class);

    private final RiskView view;
    private final DecisionPipeline pipeline;
    private final AuditVerifier audit;
    private final GaugeFamily equity;
    private final GaugeFamily drawdown;
    private final GaugeFamily dailyPnl;
    private final GaugeFamily grossExposure;
    private final GaugeFamily marginRatio;
    private final GaugeFamily accountState;
    private final GaugeFamily utilisation;
    private final GaugeFamily instrumentState;
    private final GaugeFamily barAge;
    private final GaugeFamily killSwitch;
    private final AtomicInteger chainIntact = new AtomicInteger(1);
    private final AtomicLong walkSeq = new AtomicLong();
    /** The monitor's verification of the audit chain, a few records at a time; null until the next one begins. */
    private ChainWalk walk;
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "risk-gauges");
        thread.setDaemon(true);
        return thread;
    });

    RiskGauges(RiskView view, DecisionPipeline pipeline, AuditVerifier audit, MeterRegistry registry) {
        this.view = view;
        this.pipeline = pipeline;
        this.audit = audit;
        equity = gauge(registry, "arbiter.account.equity", "Equity marked to market, in the quote currency");
        drawdown = gauge(registry, "arbiter.account.drawdown", "Fall of equity from its high-water mark (0.1 = 10 %)");
        dailyPnl = gauge(registry, "arbiter.account.daily.pnl", "Profit or loss since the trading day began");
        grossExposure = gauge(registry, "arbiter.account.gross.exposure",
                "Positions and working orders, long or short, at their marks");
        marginRatio = gauge(registry, "arbiter.account.margin.ratio", "Maintenance margin over equity (1: liquidation)");
        accountState = gauge(registry, "arbiter.account.trading.state", "0 active, 1 reduce-only, 2 halted");
        utilisation = gauge(registry, "arbiter.limit.utilisation", "The account's figure over the limit (1: at it)");
        instrumentState = gauge(registry, "arbiter.instrument.trading.state",
                "0 active, 1 reduce-only, 2 halted, as officers or the engine set it");
        barAge = gauge(registry, "arbiter.market.bar.age.seconds", "Seconds since the end of the instrument's last bar");
        killSwitch = gauge(registry, "arbiter.kill.switch.engaged", "1 while the kill switch is engaged");
        io.micrometer.core.instrument.Gauge.builder("arbiter.audit.chain.intact", chainIntact, AtomicInteger::get)
                .description("1 until a verification of the audit chain finds a record that does not hold; 1 again"
                        + " once a verification from its first record to its head finds none")
                .register(registry);
        io.micrometer.core.instrument.Gauge.builder("arbiter.audit.chain.walk.seq", walkSeq, AtomicLong::get)
                .description("The last record the running verification of the audit chain found good")
                .register(registry);
    }

    /**
     * Refreshes the gauges every {@code every} and verifies the next {@code verifyRecords} records of the audit chain
     * every {@code verifyEvery}. Verifying the whole chain each time would cost more as it grows, without bound: this
     * way the monitor's share of the machine stays the same, and a walk from the first record to the head takes as
     * many steps as the chain has pieces of {@code verifyRecords}.
     */
    RiskGauges start(Duration every, Duration verifyEvery, int verifyRecords) {
        if (verifyRecords < 1) {
            throw new IllegalArgumentException("the audit chain's monitor verifies at least one record at a time, not "
                    + verifyRecords);
        }
        schedule.scheduleWithFixedDelay(this::refreshQuietly, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        schedule.scheduleWithFixedDelay(() -> verifyQuietly(verifyRecords), 0, verifyEvery.toMillis(),
                TimeUnit.MILLISECONDS);
        return this;
    }

    /** Measures every account, instrument and switch now. */
    synchronized void refresh() {
        RiskView.Snapshot now = view.now();
        Map<Tags, Double> equities = new LinkedHashMap<>();
        Map<Tags, Double> drawdowns = new LinkedHashMap<>();
        Map<Tags, Double> pnls = new LinkedHashMap<>();
        Map<Tags, Double> grosses = new LinkedHashMap<>();
        Map<Tags, Double> ratios = new LinkedHashMap<>();
        Map<Tags, Double> states = new LinkedHashMap<>();
        Map<Tags, Double> uses = new LinkedHashMap<>();
        Map<Tags, Double> switches = new LinkedHashMap<>();
        switches.put(scoped("GLOBAL", "*"), now.deskKillSwitch() != null ? 1.0 : 0.0);
        for (RiskView.AccountRisk account : now.accounts()) {
            Tags tags = Tags.of("account", account.accountId());
            equities.put(tags, account.equity().doubleValue());
            drawdowns.put(tags, account.drawdown());
            pnls.put(tags, account.dailyPnl().doubleValue());
            grosses.put(tags, account.grossExposure().doubleValue());
            ratios.put(tags, account.marginRatio().doubleValue());
            states.put(tags, level(account.tradingState()));
            account.limits().forEach(use -> uses.put(tags.and("limit", use.limit()), use.utilisation()));
            if (account.killSwitch() != null) {
                switches.put(scoped("ACCOUNT", account.accountId()), 1.0);
            }
        }
        equity.set(equities);
        drawdown.set(drawdowns);
        dailyPnl.set(pnls);
        grossExposure.set(grosses);
        marginRatio.set(ratios);
        accountState.set(states);
        utilisation.set(uses);
        killSwitch.set(switches);
        Map<Tags, Double> ages = new LinkedHashMap<>();
        now.feeds().forEach(feed -> ages.put(Tags.of("symbol", feed.symbol()), (double) feed.ageSeconds()));
        barAge.set(ages);
        // every listed instrument and the desk as a whole, active (0) unless a control says otherwise
        Map<Tags, Double> levels = new LinkedHashMap<>();
        levels.put(scoped("GLOBAL", "*"), 0.0);
        pipeline.active().instruments().symbols().forEach(symbol -> levels.put(scoped("INSTRUMENT", symbol), 0.0));
        for (TradingControl control : now.controls()) {
            levels.put(scoped(control.scope().name(), control.target()), level(control.state()));
        }
        instrumentState.set(levels);
    }

    /** Verifies the next records of the running walk; true once the walk has ended (and a new one will start). */
    synchronized boolean verifyStep(int records) {
        if (walk == null) {
            walk = audit.walk();
        }
        Optional<AuditReport> ended = audit.step(walk, records);
        walkSeq.set(walk.lastSeq());
        if (ended.isEmpty()) {
            return false;
        }
        chainIntact.set(ended.get().intact() ? 1 : 0);
        walk = null;
        return true;
    }

    /** A kill switch's or a trading control's row: the scope it applies at and its target there. */
    private static Tags scoped(String scope, String target) {
        return Tags.of("scope", scope, "target", target);
    }

    private static double level(TradingState state) {
        return switch (state) {
            case ACTIVE -> 0;
            case REDUCING -> 1;
            case HALTED -> 2;
        };
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.warn("risk gauges not refreshed: {}", e.getMessage());
        }
    }

    private void verifyQuietly(int records) {
        try {
            verifyStep(records);
        } catch (RuntimeException e) {
            LOG.warn("audit chain not verified: {}", e.getMessage());
        }
    }

    private static GaugeFamily gauge(MeterRegistry registry, String name, String description) {
        return new GaugeFamily(registry, name, description);
    }

    @Override
    public void close() {
        schedule.shutdownNow();
    }
}
