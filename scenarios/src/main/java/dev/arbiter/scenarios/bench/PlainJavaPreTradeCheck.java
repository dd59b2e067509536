package dev.arbiter.scenarios.bench;

import dev.arbiter.kb.fact.Account;
import dev.arbiter.kb.fact.Anomaly;
import dev.arbiter.kb.fact.ClusterExposure;
import dev.arbiter.kb.fact.AnomalyKind;
import dev.arbiter.kb.fact.Exposure;
import dev.arbiter.kb.fact.FeedStatus;
import dev.arbiter.kb.fact.IndicatorValue;
import dev.arbiter.kb.fact.Instrument;
import dev.arbiter.kb.fact.InstrumentKind;
import dev.arbiter.kb.fact.KillSwitch;
import dev.arbiter.kb.fact.Limit;
import dev.arbiter.kb.fact.LossHistory;
import dev.arbiter.kb.fact.Margin;
import dev.arbiter.kb.fact.MarkPrice;
import dev.arbiter.kb.fact.EnsembleSpread;
import dev.arbiter.kb.fact.ModelHealth;
import dev.arbiter.kb.fact.OpenOrder;
import dev.arbiter.kb.fact.OrderActivity;
import dev.arbiter.kb.fact.OrderIntent;
import dev.arbiter.kb.fact.Portfolio;
import dev.arbiter.kb.fact.Prediction;
import dev.arbiter.kb.fact.Proposal;
import dev.arbiter.kb.fact.ProtectiveStop;
import dev.arbiter.kb.fact.ReconciliationBreak;
import dev.arbiter.kb.fact.Regime;
import dev.arbiter.kb.fact.RegimeKind;
import dev.arbiter.kb.fact.Restriction;
import dev.arbiter.kb.fact.RestrictionKind;
import dev.arbiter.kb.fact.Side;
import dev.arbiter.kb.fact.TradingControl;
import dev.arbiter.kb.fact.VenueExposure;
import dev.arbiter.kb.fact.TradingState;
import dev.arbiter.kb.outcome.HaltScope;
import dev.arbiter.rules.dsl.Measures;
import dev.arbiter.rules.dsl.Outcomes;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shipped risk rules (layers L1 to L7) and the client-intent strategy rule written as plain Java,
 * for the benchmark that shows what the rules engine costs. Each check mirrors one rule's condition in
 * {@code rules/src/main/resources/rulepacks/default/} and reads the same limits by name; a limit that is
 * absent silences its check, as it does the rule.
 *
 * <p>It concludes reason codes only, no messages: for an order that passes, the rules build no messages
 * either, so the benchmark compares like with like. The other strategy rules (momentum, breakout,
 * mean reversion) are not mirrored; the benchmark's book gives them no signal.
 * {@code PlainJavaPreTradeCheckTest} checks that both give the same codes.
 */
public final class PlainJavaPreTradeCheck {

    /**
     * One conclusion: a rule's reason code for a proposal, or for no proposal ({@code ""}) when it halts.
     */
    public record Finding(String proposalId, String code) {
    }

    /** The proposals the intents became and what the risk checks concluded about them. */
    public record Verdict(List<Proposal> proposals, List<Finding> findings) {
    }

    /** Indexes the facts (one pass), then checks every intent. */
    public Verdict check(Collection<?> facts) {
        return check(Book.index(facts));
    }

    /** Checks every intent of an already indexed book. */
    public Verdict check(Book book) {
        List<Proposal> proposals = new ArrayList<>(book.intents.size());
        Set<String> stopped = new HashSet<>(book.protectiveStops);
        for (OrderIntent intent : book.intents) {
            proposals.add(Outcomes.fromIntent(intent)); // S-CLIENT-INTENT
            if (intent.stopLoss() != null) {
                stopped.add(intent.intentId());
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (Proposal proposal : proposals) {
            checkProposal(book, proposal, proposals, stopped, findings);
        }
        checkHalts(book, findings);
        return new Verdict(proposals, findings);
    }

    private static void checkProposal(Book b, Proposal p, List<Proposal> all, Set<String> stopped, List<Finding> out) {
        String id = p.proposalId();
        String symbol = p.symbol();
        BigDecimal notional = p.notional();
        Account account = b.accounts.get(p.accountId());
        Exposure exposure = b.exposure(p.accountId(), symbol);
        Instrument instrument = b.instruments.get(symbol);
        FeedStatus feed = b.feeds.get(symbol);
        boolean opens = exposure != null && Measures.opens(p, exposure);
        boolean buy = p.side() == Side.BUY;

        Portfolio book = b.portfolios.get(p.accountId());

        // L1 position
        if (account != null && account.equity().signum() > 0 && book != null) {
            boolean stressed = b.stressed(symbol);
            BigDecimal max = b.limits.get(stressed ? "max-leverage-stressed" : "max-leverage");
            if (max != null && book.grossExposure().add(notional).compareTo(max.multiply(account.equity())) > 0) {
                out.add(new Finding(id, stressed ? "L1-LEVERAGE-STRESSED" : "L1-LEVERAGE"));
            }
        }
        if (exposure != null && exposure.liquidationDistance() != null && opens) {
            BigDecimal minDistance = b.limits.get("min-liquidation-distance");
            if (minDistance != null && exposure.liquidationDistance().compareTo(minDistance) < 0) {
                out.add(new Finding(id, "L1-LIQUIDATION-DISTANCE"));
            }
            BigDecimal minAtrs = b.limits.get("min-liquidation-atrs");
            Double atr = b.indicator(symbol, "atr_14");
            if (minAtrs != null && atr != null && atr > 0 && exposure.markPrice().subtract(exposure.liquidationPrice())
                    .abs().doubleValue() < minAtrs.doubleValue() * atr) {
                out.add(new Finding(id, "L1-LIQUIDATION-ATRS"));
            }
        }
        if (instrument != null && instrument.kind() == InstrumentKind.SPOT && !buy && exposure != null
                && exposure.positionQuantity().compareTo(p.quantity()) < 0) {
            out.add(new Finding(id, "L1-SPOT-SHORT"));
        }
        BigDecimal maxQuantity = b.limits.get("max-order-quantity");
        if (maxQuantity != null && p.quantity().compareTo(maxQuantity) > 0) {
            out.add(new Finding(id, "L1-MAX-ORDER-QTY"));
        }
        BigDecimal maxPosition = b.limits.get("max-position-quantity");
        if (maxPosition != null && opens && Measures.positionAfter(p, exposure).abs().compareTo(maxPosition) > 0) {
            out.add(new Finding(id, "L1-MAX-POSITION"));
        }
        if (instrument != null) {
            if (notional.compareTo(instrument.minNotional()) < 0) {
                out.add(new Finding(id, "L1-MIN-NOTIONAL"));
            }
            if (notional.compareTo(instrument.maxNotional()) > 0) {
                out.add(new Finding(id, "L1-MAX-NOTIONAL"));
            }
            if (!Measures.onStep(p.price(), instrument.tickSize())) {
                out.add(new Finding(id, "L1-TICK-STEP"));
            }
            if (!Measures.onStep(p.quantity(), instrument.lotSize())) {
                out.add(new Finding(id, "L1-LOT-STEP"));
            }
        }
        if (opens && !stopped.contains(id)) {
            out.add(new Finding(id, "L1-STOP-LOSS"));
        }

        // L2 portfolio
        if (account != null) {
            BigDecimal equity = account.equity();
            BigDecimal clusterShare = b.limits.get("max-cluster-share");
            BigDecimal clusterHeld = instrument == null ? null : b.clusters.get(p.accountId() + "/" + instrument.cluster());
            if (clusterShare != null && clusterHeld != null
                    && clusterHeld.add(notional).compareTo(clusterShare.multiply(equity)) > 0) {
                out.add(new Finding(id, "L2-CLUSTER-SHARE"));
            }
            BigDecimal maxVenue = b.limits.get("max-venue-exposure");
            BigDecimal venueHeld = instrument == null ? null : b.venues.get(p.accountId() + "/" + instrument.venue());
            if (maxVenue != null && venueHeld != null && venueHeld.add(notional).compareTo(maxVenue) > 0) {
                out.add(new Finding(id, "L2-VENUE-EXPOSURE"));
            }
            BigDecimal maxGross = b.limits.get("max-gross-exposure");
            if (maxGross != null && instrument != null && book != null
                    && book.grossExposure().add(notional).compareTo(maxGross) > 0) {
                out.add(new Finding(id, "L2-GROSS-EXPOSURE"));
            }
            BigDecimal maxNet = b.limits.get("max-net-exposure");
            if (maxNet != null && book != null) {
                BigDecimal net = book.netExposure();
                if (net.add(buy ? notional : notional.negate()).abs().compareTo(maxNet.max(net.abs())) > 0) {
                    out.add(new Finding(id, "L2-NET-EXPOSURE"));
                }
            }
            BigDecimal instrumentShare = b.limits.get("max-instrument-share");
            if (instrumentShare != null && exposure != null && instrument != null
                    && exposure.grossExposure().add(notional).compareTo(instrumentShare.multiply(equity)) > 0) {
                out.add(new Finding(id, "L2-INSTRUMENT-SHARE"));
            }

            // L3 account
            BigDecimal maxLoss = b.limits.get("max-daily-loss");
            if (maxLoss != null && account.dailyPnl().negate().compareTo(maxLoss) >= 0) {
                out.add(new Finding(id, "L3-DAILY-LOSS"));
            }
            BigDecimal maxDrawdown = b.limits.get("max-drawdown");
            if (maxDrawdown != null && account.highWaterMark().signum() > 0
                    && Measures.relativeDistance(equity, account.highWaterMark()).compareTo(maxDrawdown) >= 0) {
                out.add(new Finding("", "L3-DRAWDOWN")); // the account goes reduce-only
                if (opens) {
                    out.add(new Finding(id, "L4-REDUCE-ONLY"));
                }
            }
            BigDecimal rate = b.limits.get("margin-rate");
            if (rate != null && book != null && instrument != null
                    && instrument.balanceNeeded(notional, p.side(), rate).signum() > 0) {
                BigDecimal needed = BigDecimal.ZERO;
                for (Proposal other : all) {
                    Instrument theirs = b.instruments.get(other.symbol());
                    if (other.accountId().equals(p.accountId()) && theirs != null
                            && other.proposalId().compareTo(id) <= 0) {
                        needed = needed.add(theirs.balanceNeeded(other.notional(), other.side(), rate));
                    }
                }
                if (book.reserved().add(BigDecimal.valueOf(needed.doubleValue())).compareTo(account.freeBalance()) > 0) {
                    out.add(new Finding(id, "L3-FREE-BALANCE"));
                }
            }
            BigDecimal maxMarginRatio = b.limits.get("max-margin-ratio");
            if (maxMarginRatio != null && book != null && opens && book.marginRatio().compareTo(maxMarginRatio) >= 0) {
                out.add(new Finding(id, "L3-MARGIN-RATIO"));
            }
            BigDecimal maxFunding = b.limits.get("max-funding-cost");
            MarkPrice mark = b.marks.get(symbol);
            if (maxFunding != null && mark != null && exposure != null && opens && account.equity().signum() > 0
                    && Measures.fundingPaidAfter(p, exposure, mark.fundingRate())
                    .compareTo(maxFunding.multiply(account.equity())) > 0) {
                out.add(new Finding(id, "L3-FUNDING-COST"));
            }
        }
        BigDecimal maxMargin = b.limits.get("max-margin-utilisation");
        if (maxMargin != null && opens) {
            for (Margin margin : b.margins) {
                if (margin.accountId().equals(p.accountId())
                        && margin.used().compareTo(maxMargin.multiply(margin.capacity())) >= 0) {
                    out.add(new Finding(id, "L3-MARGIN"));
                    break;
                }
            }
        }

        // L4 systemic
        if (opens && b.reducing(p.accountId(), symbol)) {
            out.add(new Finding(id, "L4-REDUCING"));
        }
        if (opens && b.anomaly(symbol, AnomalyKind.FLASH_CRASH)) {
            out.add(new Finding(id, "L4-FLASH-CRASH"));
        }
        BigDecimal maxAtrRatio = b.limits.get("max-atr-ratio");
        Double atr = b.indicator(symbol, "atr_14");
        if (maxAtrRatio != null && feed != null && atr != null
                && Measures.ratio(atr, feed.lastClose()) > maxAtrRatio.doubleValue()) {
            out.add(new Finding(id, "L4-VOLATILITY"));
        }

        // L5 model: the predictions the proposal acted on, or all of the symbol's when the limits say so
        BigDecimal gateEvery = b.limits.get("models-gate-every-proposal");
        boolean everyProposal = gateEvery != null && gateEvery.signum() > 0;
        List<Prediction> predictions = gateEvery == null ? List.of() : b.predictions.getOrDefault(symbol, List.of())
                .stream().filter(prediction -> everyProposal || p.usedModel(prediction.model())).toList();
        BigDecimal maxDisagreement = b.limits.get("max-ensemble-disagreement");
        BigDecimal minConfidence = b.limits.get("min-prediction-confidence");
        boolean disagree = false;
        boolean unsure = false;
        boolean unhealthy = false;
        boolean spread = false;
        for (Prediction a : predictions) {
            for (Prediction other : predictions) {
                disagree |= maxDisagreement != null && other.model().compareTo(a.model()) > 0
                        && Math.abs(a.probabilityUp() - other.probabilityUp()) > maxDisagreement.doubleValue();
            }
            unsure |= minConfidence != null && a.confidence() < minConfidence.doubleValue();
            for (ModelHealth health : b.modelHealth) {
                unhealthy |= health.model().equals(a.model()) && health.modelVersion().equals(a.modelVersion())
                        && (health.drifted() || health.stale());
            }
            for (EnsembleSpread members : b.spreads) {
                spread |= maxDisagreement != null && members.symbol().equals(symbol) && members.model().equals(a.model())
                        && members.modelVersion().equals(a.modelVersion())
                        && members.spread() > maxDisagreement.doubleValue();
            }
        }
        // a model the proposal names that the engine set aside as unhealthy, with no prediction of it in the symbol
        boolean setAside = false;
        for (ModelHealth health : b.modelHealth) {
            setAside |= (health.drifted() || health.stale()) && p.usedModel(health.model())
                    && b.predictions.getOrDefault(symbol, List.of()).stream().noneMatch(x -> x.model().equals(health.model()));
        }
        if (disagree) {
            out.add(new Finding(id, "L5-ENSEMBLE-DISAGREEMENT"));
        }
        if (unsure) {
            out.add(new Finding(id, "L5-LOW-CONFIDENCE"));
        }
        if (unhealthy) {
            out.add(new Finding(id, "L5-MODEL-UNHEALTHY"));
        }
        if (spread) {
            out.add(new Finding(id, "L5-ENSEMBLE-SPREAD"));
        }
        if (setAside) {
            out.add(new Finding(id, "L5-MODEL-SET-ASIDE"));
        }

        // L6 operational
        if (b.anomaly(symbol, AnomalyKind.DATA_GAP)) {
            out.add(new Finding(id, "L6-DATA-GAP"));
        }
        if (opens && b.anomaly(symbol, AnomalyKind.SPREAD_BLOWOUT)) {
            out.add(new Finding(id, "L6-SPREAD-BLOWOUT"));
        }
        BigDecimal maxOrders = b.limits.get("max-orders-per-window");
        BigDecimal maxMessages = b.limits.get("max-messages-per-window");
        for (OrderActivity activity : b.activity) {
            if (!activity.accountId().equals(p.accountId())) {
                continue;
            }
            if (maxOrders != null) {
                int before = 0;
                for (Proposal other : all) {
                    if (other.accountId().equals(p.accountId()) && other.proposalId().compareTo(id) <= 0) {
                        before++;
                    }
                }
                if (activity.ordersInWindow() + before > maxOrders.intValue()) {
                    out.add(new Finding(id, "L6-ORDER-RATE"));
                }
            }
            if (maxMessages != null && activity.messagesInWindow() >= maxMessages.intValue()) {
                out.add(new Finding(id, "L6-MESSAGE-RATE"));
            }
        }
        if (b.breaks.contains(p.accountId())) {
            out.add(new Finding(id, "L6-RECONCILIATION-BREAK"));
        }
        BigDecimal maxAge = b.limits.get("max-bar-age-seconds");
        if (maxAge != null && feed != null && feed.ageSeconds() > maxAge.longValue()) {
            out.add(new Finding(id, "L6-STALE-DATA"));
        }

        // L7 compliance
        if (opens) {
            BigDecimal streak = b.limits.get("stop-loss-streak");
            BigDecimal streakCooldown = b.limits.get("stop-loss-cooldown-seconds");
            BigDecimal large = b.limits.get("large-loss");
            BigDecimal largeCooldown = b.limits.get("large-loss-cooldown-seconds");
            for (LossHistory history : b.lossHistory) {
                if (!history.accountId().equals(p.accountId())) {
                    continue;
                }
                if (streak != null && streakCooldown != null && history.consecutiveStopLosses() >= streak.intValue()
                        && history.secondsSinceStopLoss() >= 0
                        && history.secondsSinceStopLoss() < streakCooldown.longValue()) {
                    out.add(new Finding(id, "L7-STOPLOSS-COOLDOWN"));
                }
                if (large != null && largeCooldown != null && history.largestRecentLoss().compareTo(large) >= 0
                        && history.secondsSinceLargestLoss() >= 0
                        && history.secondsSinceLargestLoss() < largeCooldown.longValue()) {
                    out.add(new Finding(id, "L7-LOSS-COOLDOWN"));
                }
            }
        }
        for (OpenOrder order : b.openOrders) {
            if (order.accountId().equals(p.accountId()) && order.symbol().equals(symbol) && order.side() == p.side()
                    && order.quantity().compareTo(p.quantity()) == 0 && order.price().compareTo(p.price()) == 0) {
                out.add(new Finding(id, "L7-DUPLICATE-ORDER"));
                break;
            }
        }
        for (Proposal other : all) {
            if (other.proposalId().compareTo(id) < 0 && other.accountId().equals(p.accountId())
                    && other.symbol().equals(symbol) && other.side() == p.side()
                    && other.quantity().compareTo(p.quantity()) == 0 && other.price().compareTo(p.price()) == 0) {
                out.add(new Finding(id, "L7-DUPLICATE-IN-REQUEST"));
                break;
            }
        }
        BigDecimal maxValue = b.limits.get("max-order-value");
        if (maxValue != null && instrument != null && notional.compareTo(maxValue) > 0) {
            out.add(new Finding(id, "L7-MAX-ORDER-VALUE"));
        }
        BigDecimal collar = b.limits.get("price-collar");
        if (collar != null && feed != null
                && Measures.relativeDistance(p.price(), feed.lastClose()).compareTo(collar) > 0) {
            out.add(new Finding(id, "L7-PRICE-COLLAR"));
        }
        for (Restriction restriction : b.restrictions) {
            if (restriction.kind() == RestrictionKind.INSTRUMENT && restriction.value().equals(symbol)) {
                out.add(new Finding(id, "L7-RESTRICTED-INSTRUMENT"));
            }
            if (restriction.kind() == RestrictionKind.VENUE && instrument != null
                    && restriction.value().equals(instrument.venue())) {
                out.add(new Finding(id, "L7-RESTRICTED-VENUE"));
            }
        }
    }

    private static void checkHalts(Book b, List<Finding> out) {
        for (Account account : b.accounts.values()) {
            if (account.state() == TradingState.HALTED) {
                out.add(new Finding("", "L4-ACCOUNT-HALTED"));
            }
        }
        for (TradingControl control : b.controls) {
            if (control.scope() != HaltScope.ACCOUNT && control.state() == TradingState.HALTED) {
                out.add(new Finding("", "L4-HALTED"));
            }
        }
        for (KillSwitch killSwitch : b.killSwitches) {
            if (killSwitch.engaged()) {
                out.add(new Finding("", "L7-KILL-SWITCH"));
            }
        }
    }

    /** The facts of one decision, indexed the way the checks look them up. */
    public static final class Book {

        private final Map<String, BigDecimal> limits = new HashMap<>();
        private final Map<String, Account> accounts = new HashMap<>();
        private final Map<String, Instrument> instruments = new HashMap<>();
        private final Map<String, Map<String, Exposure>> accountToSymbolToExposure = new HashMap<>();
        private final Map<String, FeedStatus> feeds = new HashMap<>();
        private final Map<String, Map<String, Double>> symbolToIndicators = new HashMap<>();
        private final Map<String, List<Prediction>> predictions = new HashMap<>();
        private final Map<String, List<Regime>> regimes = new HashMap<>();
        private final List<ModelHealth> modelHealth = new ArrayList<>();
        private final List<EnsembleSpread> spreads = new ArrayList<>();
        private final List<Anomaly> anomalies = new ArrayList<>();
        private final List<OpenOrder> openOrders = new ArrayList<>();
        private final List<OrderActivity> activity = new ArrayList<>();
        private final List<LossHistory> lossHistory = new ArrayList<>();
        private final List<Margin> margins = new ArrayList<>();
        private final List<KillSwitch> killSwitches = new ArrayList<>();
        private final List<Restriction> restrictions = new ArrayList<>();
        private final List<TradingControl> controls = new ArrayList<>();
        private final Set<String> breaks = new HashSet<>();
        private final Set<String> protectiveStops = new HashSet<>();
        private final List<OrderIntent> intents = new ArrayList<>();
        private final Map<String, Portfolio> portfolios = new HashMap<>();
        private final Map<String, MarkPrice> marks = new HashMap<>();
        /** "account/cluster" → the cluster's gross exposure. */
        private final Map<String, BigDecimal> clusters = new HashMap<>();
        /** "account/venue" → the venue's gross exposure. */
        private final Map<String, BigDecimal> venues = new HashMap<>();

        private Book() {
        }

        /** One pass over the facts; facts no check reads (positions, parameters, bars) are skipped. */
        public static Book index(Collection<?> facts) {
            Book b = new Book();
            for (Object fact : facts) {
                switch (fact) {
                    case Limit l -> b.limits.put(l.name(), l.value());
                    case Account a -> b.accounts.put(a.accountId(), a);
                    case Instrument i -> b.instruments.put(i.symbol(), i);
                    case Exposure e -> b.accountToSymbolToExposure.computeIfAbsent(e.accountId(), k -> new HashMap<>())
                            .put(e.symbol(), e);
                    case FeedStatus f -> b.feeds.put(f.symbol(), f);
                    case IndicatorValue v -> b.symbolToIndicators.computeIfAbsent(v.symbol(), k -> new HashMap<>())
                            .put(v.name(), v.value());
                    case Prediction p -> b.predictions.computeIfAbsent(p.symbol(), k -> new ArrayList<>()).add(p);
                    case Regime r -> b.regimes.computeIfAbsent(r.symbol(), k -> new ArrayList<>()).add(r);
                    case ModelHealth h -> b.modelHealth.add(h);
                    case EnsembleSpread e -> b.spreads.add(e);
                    case Anomaly a -> b.anomalies.add(a);
                    case OpenOrder o -> b.openOrders.add(o);
                    case OrderActivity a -> b.activity.add(a);
                    case LossHistory h -> b.lossHistory.add(h);
                    case Margin m -> b.margins.add(m);
                    case KillSwitch k -> b.killSwitches.add(k);
                    case Restriction r -> b.restrictions.add(r);
                    case TradingControl c -> b.controls.add(c);
                    case ReconciliationBreak r -> b.breaks.add(r.accountId());
                    case ProtectiveStop s -> b.protectiveStops.add(s.proposalId());
                    case OrderIntent i -> b.intents.add(i);
                    case Portfolio p -> b.portfolios.put(p.accountId(), p);
                    case MarkPrice m -> b.marks.put(m.symbol(), m);
                    case ClusterExposure c -> b.clusters.put(c.accountId() + "/" + c.cluster(), c.grossExposure());
                    case VenueExposure v -> b.venues.put(v.accountId() + "/" + v.venue(), v.grossExposure());
                    default -> {
                    }
                }
            }
            b.intents.sort(Comparator.comparing(OrderIntent::intentId));
            return b;
        }

        private Exposure exposure(String accountId, String symbol) {
            Map<String, Exposure> bySymbol = accountToSymbolToExposure.get(accountId);
            return bySymbol == null ? null : bySymbol.get(symbol);
        }

        private Collection<Exposure> exposures(String accountId) {
            return accountToSymbolToExposure.getOrDefault(accountId, Map.of()).values();
        }

        private Double indicator(String symbol, String name) {
            Map<String, Double> byName = symbolToIndicators.get(symbol);
            return byName == null ? null : byName.get(name);
        }

        private boolean stressed(String symbol) {
            for (Regime regime : regimes.getOrDefault(symbol, List.of())) {
                if (regime.kind() == RegimeKind.HIGH_VOLATILITY || regime.kind() == RegimeKind.CRISIS) {
                    return true;
                }
            }
            return false;
        }

        private boolean anomaly(String symbol, AnomalyKind kind) {
            for (Anomaly anomaly : anomalies) {
                if (anomaly.kind() == kind && anomaly.symbol().equals(symbol)) {
                    return true;
                }
            }
            return false;
        }

        private boolean reducing(String accountId, String symbol) {
            Account account = accounts.get(accountId);
            if (account != null && account.state() == TradingState.REDUCING) {
                return true;
            }
            for (TradingControl c : controls) {
                if (c.state() == TradingState.REDUCING && (c.scope() == HaltScope.GLOBAL
                        || c.scope() == HaltScope.ACCOUNT && c.target().equals(accountId)
                        || c.scope() == HaltScope.INSTRUMENT && c.target().equals(symbol))) {
                    return true;
                }
            }
            return false;
        }
    }
}
