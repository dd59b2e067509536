package dev.arbiter.engine.service;

import dev.arbiter.engine.decision.BookMeasure;
import dev.arbiter.engine.decision.ClientRequest;
import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.engine.decision.DecisionRequest;
import dev.arbiter.engine.decision.MarketView;
import dev.arbiter.engine.decision.RuleRelease;
import dev.arbiter.engine.state.EngineDecisions;
import dev.arbiter.engine.state.TradingCore;
import dev.arbiter.kb.fact.Account;
import dev.arbiter.kb.fact.Exposure;
import dev.arbiter.kb.fact.KillSwitch;
import dev.arbiter.kb.fact.TradingControl;
import dev.arbiter.kb.fact.TradingState;
import dev.arbiter.kb.state.AccountState;
import dev.arbiter.kb.state.WorkingOrder;
import dev.arbiter.rules.dsl.Measures;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The live risk picture an officer watches, from the engine's own state: per account its figures, how much of each
 * limit it uses, its exposures (with margin and distance to liquidation), working orders, trading state and kill
 * switch; desk-wide the controls in force, the desk's kill switch and the age of every feed. Each account is measured
 * as a decision on it now would measure it ({@link BookMeasure}); the console's risk view and the gauges read this.
 */
final class RiskView {

    /** The limits whose use is shown, each as the account's figure over the limit. */
    static final List<String> LIMITS = List.of("max-gross-exposure", "max-leverage", "max-drawdown", "max-daily-loss",
            "max-margin-ratio");

    /** One limit's use: the account's figure over the limit's value (1: at it). */
    record LimitUse(String limit, BigDecimal value, double figure, double utilisation) {
    }

    /**
     * @param control    the account's own trading control, when an officer set one
     * @param killSwitch the account's own kill switch, when engaged
     */
    record AccountRisk(String accountId, BigDecimal equity, BigDecimal highWaterMark, double drawdown,
                       BigDecimal dailyPnl, BigDecimal grossExposure, BigDecimal marginRatio, TradingState tradingState,
                       TradingControl control, KillSwitch killSwitch, List<LimitUse> limits, List<Exposure> exposures,
                       List<WorkingOrder> workingOrders) {
    }

    /** An instrument's feed: when its last bar ended and how long ago. */
    record FeedAge(String symbol, Instant lastBarEnd, long ageSeconds) {
    }

    /** Everything at one time; {@code controls} are the desk's (instrument and global). */
    record Snapshot(Instant at, List<AccountRisk> accounts, List<TradingControl> controls, KillSwitch deskKillSwitch,
                    List<FeedAge> feeds) {

        /** The same, with only the accounts the caller may see. */
        Snapshot visibleTo(Predicate<String> permits) {
            return new Snapshot(at, accounts.stream().filter(a -> permits.test(a.accountId())).toList(), controls,
                    deskKillSwitch, feeds);
        }
    }

    private final TradingCore core;
    private final EngineDecisions decisions;
    private final DecisionPipeline pipeline;
    private final Clock clock;
    /** The last picture taken, shared by every stream that asks within its age. */
    private volatile Snapshot latest;

    RiskView(TradingCore core, EngineDecisions decisions, DecisionPipeline pipeline, Clock clock) {
        this.core = core;
        this.decisions = decisions;
        this.pipeline = pipeline;
        this.clock = clock;
    }

    /**
     * A picture no older than {@code maxAge}: streams to many viewers share one measurement per tick instead of
     * measuring every account once per viewer.
     */
    Snapshot recent(Duration maxAge) {
        Snapshot last = latest;
        if (last != null && !last.at().plus(maxAge).isBefore(clock.instant())) {
            return last;
        }
        synchronized (this) {
            last = latest;
            return last != null && !last.at().plus(maxAge).isBefore(clock.instant()) ? last : now();
        }
    }

    /** The picture now, every account the engine holds. */
    Snapshot now() {
        Instant at = clock.instant();
        RuleRelease release = pipeline.active();
        List<AccountRisk> accounts = new ArrayList<>();
        for (String accountId : core.accountIds()) {
            AccountState state = core.account(accountId);
            if (state.opened()) {
                accounts.add(account(state, release, at));
            }
        }
        List<FeedAge> feeds = new ArrayList<>();
        for (MarketView view : core.views(release.instruments().symbols())) {
            Instant end = view.lastBar().endTime();
            feeds.add(new FeedAge(view.symbol(), end, Duration.between(end, at).toSeconds()));
        }
        Snapshot snapshot = new Snapshot(at, accounts, core.desk().controls(), core.desk().killSwitch(), feeds);
        latest = snapshot;
        return snapshot;
    }

    private AccountRisk account(AccountState state, RuleRelease release, Instant at) {
        DecisionRequest now = decisions.preview(new ClientRequest("risk-view", at,
                new ClientRequest.ClaimedAccount(state.accountId(), null, null, null, null, null), null, null, null,
                null, null, null, List.of(), null), release);
        Account account = now.account();
        BookMeasure.Measured book = BookMeasure.measure(now, release.instruments());
        // as the drawdown rule measures it
        double drawdown = account.highWaterMark().signum() > 0
                ? Measures.relativeDistance(account.equity(), account.highWaterMark()).doubleValue() : 0;
        double gross = book.portfolio().grossExposure().doubleValue();
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("max-gross-exposure", gross);
        figures.put("max-leverage", account.equity().signum() > 0
                ? gross / account.equity().doubleValue() : Double.POSITIVE_INFINITY);
        figures.put("max-drawdown", drawdown);
        figures.put("max-daily-loss", Math.max(0, -account.dailyPnl().doubleValue()));
        figures.put("max-margin-ratio", book.portfolio().marginRatio().doubleValue());
        List<LimitUse> limits = new ArrayList<>();
        for (String limit : LIMITS) {
            BigDecimal value = release.limits().values().get(limit);
            if (value != null && value.signum() > 0) {
                limits.add(new LimitUse(limit, value, figures.get(limit), figures.get(limit) / value.doubleValue()));
            }
        }
        return new AccountRisk(state.accountId(), account.equity(), account.highWaterMark(), drawdown,
                account.dailyPnl(), book.portfolio().grossExposure(), book.portfolio().marginRatio(),
                state.tradingState(), state.control(), state.killSwitch(), limits, book.exposures(),
                state.workingOrders());
    }
}
