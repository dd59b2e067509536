package dev.arbiter.engine.service;

import dev.arbiter.engine.decision.BookMeasure;
import dev.arbiter.engine.decision.ClientRequest;
import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.engine.decision.DecisionRequest;
import dev.arbiter.engine.decision.MarketView;
import dev.arbiter.engine.decision.RuleRelease;
import dev.arbiter.engine.service.store.AuditVerifier;
import dev.arbiter.engine.state.AccountFacts;
import dev.arbiter.engine.state.EngineDecisions;
import dev.arbiter.engine.state.TradingCore;
import dev.arbiter.kb.fact.Account;
import dev.arbiter.kb.fact.KillSwitch;
import dev.arbiter.kb.fact.Portfolio;
import dev.arbiter.kb.fact.TradingControl;
import dev.arbiter.kb.fact.TradingState;
import dev.arbiter.kb.outcome.HaltScope;
import dev.arbiter.kb.state.AccountState;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The risk figures an operator watches, as Prometheus gauges refreshed from the engine's own state: per account its
 * equity, drawdown, day's P&amp;L, gross exposure, margin ratio and trading state, and how much of each limit it uses;
 * per instrument its trading state and the age of its last bar; the kill switches; and whether the audit chain holds.
 * Each account is measured as a decision on it now would measure it ({@link BookMeasure}).
 */
final class RiskGauges implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RiskGauges.class);

    /** The limits whose use is reported, each as the account's figure over the limit. */
    static final List<String> LIMITS = List.of("max-gross-exposure", "max-leverage", "max-drawdown", "max-daily-loss",
            "max-margin-ratio");

    private final TradingCore core;
    private final EngineDecisions decisions;
    private final DecisionPipeline pipeline;
    private final Clock clock;
    private final AuditVerifier audit;
    private final MultiGauge equity;
    private final MultiGauge drawdown;
    private final MultiGauge dailyPnl;
    private final MultiGauge grossExposure;
    private final MultiGauge marginRatio;
    private final MultiGauge accountState;
    private final MultiGauge utilisation;
    private final MultiGauge instrumentState;
    private final MultiGauge barAge;
    private final MultiGauge killSwitch;
    private final AtomicInteger chainIntact = new AtomicInteger(1);
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "risk-gauges");
        thread.setDaemon(true);
        return thread;
    });

    RiskGauges(TradingCore core, EngineDecisions decisions, DecisionPipeline pipeline, Clock clock, AuditVerifier audit,
               MeterRegistry registry) {
        this.core = core;
        this.decisions = decisions;
        this.pipeline = pipeline;
        this.clock = clock;
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
                .description("1 while the audit chain verifies from its first record, 0 once it does not")
                .register(registry);
    }

    /** Refreshes the gauges every {@code every} and verifies the audit chain every {@code verifyEvery}. */
    RiskGauges start(Duration every, Duration verifyEvery) {
        schedule.scheduleWithFixedDelay(this::refreshQuietly, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        schedule.scheduleWithFixedDelay(this::verifyQuietly, 0, verifyEvery.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Measures every account, instrument and switch now. */
    synchronized void refresh() {
        RuleRelease release = pipeline.active();
        List<MultiGauge.Row<?>> equities = new ArrayList<>();
        List<MultiGauge.Row<?>> drawdowns = new ArrayList<>();
        List<MultiGauge.Row<?>> pnls = new ArrayList<>();
        List<MultiGauge.Row<?>> grosses = new ArrayList<>();
        List<MultiGauge.Row<?>> ratios = new ArrayList<>();
        List<MultiGauge.Row<?>> states = new ArrayList<>();
        List<MultiGauge.Row<?>> uses = new ArrayList<>();
        for (String accountId : core.accountIds()) {
            AccountState state = core.account(accountId);
            if (!state.opened()) {
                continue;
            }
            DecisionRequest now = decisions.preview(new ClientRequest("risk-gauges", clock.instant(),
                    new ClientRequest.ClaimedAccount(accountId, null, null, null, null, null), null, null, null, null,
                    null, null, List.of(), null), release);
            Account account = now.account();
            Portfolio book = BookMeasure.portfolio(now, release.instruments());
            Tags tags = Tags.of("account", accountId);
            BigDecimal down = account.highWaterMark().signum() > 0
                    ? BigDecimal.ONE.subtract(account.equity().divide(account.highWaterMark(), MathContext.DECIMAL64))
                    : BigDecimal.ZERO;
            equities.add(MultiGauge.Row.of(tags, account.equity().doubleValue()));
            drawdowns.add(MultiGauge.Row.of(tags, down.doubleValue()));
            pnls.add(MultiGauge.Row.of(tags, account.dailyPnl().doubleValue()));
            grosses.add(MultiGauge.Row.of(tags, book.grossExposure().doubleValue()));
            ratios.add(MultiGauge.Row.of(tags, book.marginRatio().doubleValue()));
            states.add(MultiGauge.Row.of(tags, level(state.tradingState())));
            Map<String, Double> figures = new LinkedHashMap<>();
            figures.put("max-gross-exposure", book.grossExposure().doubleValue());
            figures.put("max-leverage", account.equity().signum() > 0
                    ? book.grossExposure().doubleValue() / account.equity().doubleValue() : Double.POSITIVE_INFINITY);
            figures.put("max-drawdown", down.doubleValue());
            figures.put("max-daily-loss", Math.max(0, -account.dailyPnl().doubleValue()));
            figures.put("max-margin-ratio", book.marginRatio().doubleValue());
            for (String limit : LIMITS) {
                Optional<BigDecimal> value = Optional.ofNullable(release.limits().values().get(limit));
                if (value.isPresent() && value.get().signum() > 0) {
                    uses.add(MultiGauge.Row.of(tags.and("limit", limit), figures.get(limit) / value.get().doubleValue()));
                }
            }
        }
        equity.register(equities, true);
        drawdown.register(drawdowns, true);
        dailyPnl.register(pnls, true);
        grossExposure.register(grosses, true);
        marginRatio.register(ratios, true);
        accountState.register(states, true);
        utilisation.register(uses, true);
        instruments(release);
    }

    private void instruments(RuleRelease release) {
        // every listed instrument and the desk as a whole, active (0) unless a control says otherwise
        Map<String, Double> levels = new LinkedHashMap<>();
        levels.put("GLOBAL/*", 0.0);
        release.instruments().symbols().forEach(symbol -> levels.put("INSTRUMENT/" + symbol, 0.0));
        for (TradingControl control : core.desk().controls()) {
            if (control.scope() != HaltScope.ACCOUNT) {
                levels.put(control.scope().name() + "/" + control.target(), level(control.state()));
            }
        }
        List<MultiGauge.Row<?>> states = new ArrayList<>();
        levels.forEach((key, level) -> states.add(MultiGauge.Row.of(Tags.of("scope", key.substring(0, key.indexOf('/')),
                "target", key.substring(key.indexOf('/') + 1)), level)));
        instrumentState.register(states, true);
        List<MultiGauge.Row<?>> ages = new ArrayList<>();
        for (MarketView view : core.views(release.instruments().symbols())) {
            ages.add(MultiGauge.Row.of(Tags.of("symbol", view.symbol()),
                    Duration.between(view.lastBar().endTime(), clock.instant()).toSeconds()));
        }
        barAge.register(ages, true);
        List<MultiGauge.Row<?>> switches = new ArrayList<>();
        KillSwitch desk = core.desk().killSwitch();
        switches.add(MultiGauge.Row.of(Tags.of("scope", "GLOBAL", "target", "*"), desk != null ? 1 : 0));
        for (String accountId : core.accountIds()) {
            KillSwitch own = core.account(accountId).killSwitch();
            if (own != null) {
                switches.add(MultiGauge.Row.of(Tags.of("scope", "ACCOUNT", "target", accountId), 1));
            }
        }
        killSwitch.register(switches, true);
    }

    /** Verifies the audit chain now. */
    void verify() {
        chainIntact.set(audit.verify().intact() ? 1 : 0);
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

    private void verifyQuietly() {
        try {
            verify();
        } catch (RuntimeException e) {
            LOG.warn("audit chain not verified: {}", e.getMessage());
        }
    }

    private static MultiGauge gauge(MeterRegistry registry, String name, String description) {
        return MultiGauge.builder(name).description(description).register(registry);
    }

    @Override
    public void close() {
        schedule.shutdownNow();
    }
}
