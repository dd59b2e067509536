package dev.arbiter.engine.decision;

import dev.arbiter.kb.fact.Exposure;
import dev.arbiter.kb.fact.Instrument;
import dev.arbiter.kb.fact.Margin;
import dev.arbiter.kb.fact.OpenOrder;
import dev.arbiter.kb.fact.Prediction;
import dev.arbiter.kb.fact.Proposal;
import dev.arbiter.kb.fact.Regime;
import dev.arbiter.kb.fact.RegimeKind;
import dev.arbiter.kb.fact.Side;
import dev.arbiter.kb.outcome.RuleOutcome;
import dev.arbiter.rules.pack.LimitSet;
import dev.arbiter.rules.pack.ParameterSet;
import dev.arbiter.solver.AccountTerms;
import dev.arbiter.solver.AllocationCandidate;
import dev.arbiter.solver.AllocationInstrument;
import dev.arbiter.solver.AllocationProblem;
import dev.arbiter.solver.Holding;
import dev.arbiter.solver.ObjectiveWeights;
import dev.arbiter.solver.PortfolioLimits;
import dev.arbiter.solver.ReturnCovariance;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds the solver's {@link AllocationProblem} for one decision: the survivors with their caps, the
 * instruments, what the account holds, the portfolio limits from the limits file and the objective's
 * weights from the parameters file, and a Ledoit–Wolf covariance of the bars the request carries.
 *
 * <p>Limits read (all from the limits file the rules read): {@code max-gross-exposure} (required),
 * {@code max-net-exposure}, {@code max-leverage}, {@code margin-rate}, {@code max-instrument-share},
 * {@code max-cluster-share} (the same share for every cluster the request's instruments name),
 * {@code max-position-quantity} (positions' quantities go with the holdings), {@code max-leverage-stressed}
 * (the solver applies it, portfolio-wide and instead of {@code max-leverage}, when the request's context has
 * a {@code HIGH_VOLATILITY} or {@code CRISIS} regime for a candidate's instrument),
 * {@code max-margin-utilisation} (against the context's {@code Margin}, when it carries one) and
 * {@code max-venue-exposure} (per venue, each instrument at its own). Sectors:
 * the kb's {@code Instrument} has none, so no sector cap applies to engine decisions. Parameters read:
 * the {@code allocation-*} entries of the parameters file (see {@code docs/allocation.md}).
 */
final class AllocationProblems {

    static final String MAX_NET_EXPOSURE = "max-net-exposure";
    static final String MAX_LEVERAGE = "max-leverage";
    static final String MARGIN_RATE = "margin-rate";
    static final String MAX_INSTRUMENT_SHARE = "max-instrument-share";
    static final String MAX_CLUSTER_SHARE = "max-cluster-share";
    static final String MAX_POSITION_QUANTITY = "max-position-quantity";
    static final String MAX_LEVERAGE_STRESSED = "max-leverage-stressed";
    static final String MAX_MARGIN_UTILISATION = "max-margin-utilisation";
    /** The regimes in which {@code max-leverage-stressed} replaces {@code max-leverage}. */
    static final Set<RegimeKind> STRESSED_REGIMES = EnumSet.of(RegimeKind.HIGH_VOLATILITY, RegimeKind.CRISIS);

    private AllocationProblems() {
    }

    static AllocationProblem of(DecisionRequest request, AssembledFacts assembled, List<Proposal> proposals,
                                List<RuleOutcome> outcomes, LimitSet limits, ParameterSet parameters) {
        List<AllocationCandidate> survivors = Survivors.of(proposals, outcomes, request.instruments());
        List<AllocationCandidate> candidates = new ArrayList<>(survivors.size());
        for (AllocationCandidate c : survivors) {
            candidates.add(new AllocationCandidate(c.proposal(), c.maxQuantity(), c.lotSize(), c.capReasons(),
                    predictedUpEdge(request.predictions(), c.proposal().symbol())));
        }
        List<AllocationInstrument> instruments = request.instruments().stream()
                .map(i -> new AllocationInstrument(i.symbol(), i.cluster(), null, i.minNotional(), i.kind(), i.leverage(),
                        i.venue()))
                .toList();
        List<Holding> holdings = holdings(assembled.exposures(), request.openOrders());
        BigDecimal share = optional(limits, MAX_CLUSTER_SHARE);
        Map<String, BigDecimal> clusterShares = new TreeMap<>();
        if (share != null) {
            request.instruments().stream().map(Instrument::cluster).forEach(cluster -> clusterShares.put(cluster, share));
        }
        PortfolioLimits portfolio = new PortfolioLimits(limits.require(DecisionPipeline.MAX_GROSS_EXPOSURE),
                optional(limits, MAX_NET_EXPOSURE), optional(limits, MAX_LEVERAGE), optional(limits, MARGIN_RATE),
                optional(limits, MAX_INSTRUMENT_SHARE), clusterShares, Map.of(), optional(limits, MAX_POSITION_QUANTITY),
                optional(limits, MAX_LEVERAGE_STRESSED), optional(limits, MAX_MARGIN_UTILISATION),
                optional(limits, DecisionPipeline.MAX_VENUE_EXPOSURE));
        ObjectiveWeights weights = new ObjectiveWeights(
                parameter(parameters, "allocation-return-per-conviction", BigDecimal.ONE),
                parameter(parameters, "allocation-prediction-weight", BigDecimal.ZERO),
                parameter(parameters, "allocation-risk-aversion", BigDecimal.ZERO),
                parameter(parameters, "allocation-fee-rate", BigDecimal.ZERO),
                parameter(parameters, "allocation-slippage-rate", BigDecimal.ZERO),
                parameter(parameters, "allocation-turnover-penalty", BigDecimal.ZERO));
        ReturnCovariance covariance = covariance(request,
                parameter(parameters, "allocation-covariance-lookback-bars", BigDecimal.valueOf(288)).intValue(),
                parameter(parameters, "allocation-horizon-bars", BigDecimal.ONE).intValue());
        if (covariance.symbols().isEmpty() || request.account().equity().signum() == 0) {
            // No bars to estimate risk from, or no equity to weigh it against: risk is not weighed.
            weights = new ObjectiveWeights(weights.returnPerConviction(), weights.predictionWeight(), BigDecimal.ZERO,
                    weights.feeRate(), weights.slippageRate(), weights.turnoverPenalty());
        }
        Margin margin = request.context().margin();
        return new AllocationProblem(candidates, instruments, holdings, assembled.currentGrossExposure(),
                new AccountTerms(request.account().equity(), request.account().freeBalance(),
                        assembled.reservedByOpenOrders(), margin == null ? null : margin.used(),
                        margin == null ? null : margin.capacity()),
                portfolio, weights, covariance, stressedRegimes(request.context().regimes()));
    }

    /** Symbol → the first stressed regime (high volatility or crisis) the context reports for it. */
    static Map<String, String> stressedRegimes(List<Regime> regimes) {
        Map<String, String> symbolToRegime = new TreeMap<>();
        for (Regime regime : regimes) {
            if (STRESSED_REGIMES.contains(regime.kind())) {
                symbolToRegime.putIfAbsent(regime.symbol(), regime.kind().name());
            }
        }
        return symbolToRegime;
    }

    /**
     * The exposure facts as the solver's holdings: the signed position at the mark, with working orders
     * split by side (the solver's net exposure needs the split; the facts carry only their total).
     */
    private static List<Holding> holdings(List<Exposure> exposures, List<OpenOrder> openOrders) {
        List<Holding> holdings = new ArrayList<>();
        for (Exposure exposure : exposures) {
            BigDecimal buys = BigDecimal.ZERO;
            BigDecimal sells = BigDecimal.ZERO;
            for (OpenOrder order : openOrders) {
                if (order.symbol().equals(exposure.symbol())) {
                    if (order.side() == Side.BUY) {
                        buys = buys.add(order.notional());
                    } else {
                        sells = sells.add(order.notional());
                    }
                }
            }
            BigDecimal quantity = exposure.positionQuantity();
            if (quantity.signum() != 0 || buys.signum() != 0 || sells.signum() != 0) {
                holdings.add(new Holding(exposure.symbol(), quantity.multiply(exposure.markPrice()), buys, sells, quantity));
            }
        }
        return holdings;
    }

    /**
     * Confidence-weighted {@code 2 × probabilityUp − 1} over the symbol's predictions, in -1..1; 0 without
     * predictions or when every confidence is 0.
     */
    static double predictedUpEdge(List<Prediction> predictions, String symbol) {
        double weighted = 0;
        double weights = 0;
        for (Prediction prediction : predictions) {
            if (prediction.symbol().equals(symbol)) {
                weighted += prediction.confidence() * (2 * prediction.probabilityUp() - 1);
                weights += prediction.confidence();
            }
        }
        return weights == 0 ? 0.0 : Math.max(-1.0, Math.min(1.0, weighted / weights));
    }

    /**
     * Ledoit–Wolf covariance of log returns of the closes, over the bar times every symbol shares (the
     * last {@code lookback} of them), scaled to {@code horizonBars}. Symbols with fewer than 3 shared
     * bars give no covariance: risk is then not weighed (the problem's risk aversion is set to 0 by the
     * builder seeing an empty covariance).
     */
    static ReturnCovariance covariance(DecisionRequest request, int lookback, int horizonBars) {
        Set<Instant> shared = null;
        for (MarketSeries series : request.marketData()) {
            Set<Instant> times = new LinkedHashSet<>();
            series.bars().forEach(row -> times.add(row.openTime()));
            if (shared == null) {
                shared = new TreeSet<>(times);
            } else {
                shared.retainAll(times);
            }
        }
        if (shared == null || shared.size() < 3) {
            return ReturnCovariance.none();
        }
        List<Instant> times = new ArrayList<>(shared);
        times = times.subList(Math.max(0, times.size() - lookback - 1), times.size());
        LinkedHashMap<String, double[]> returns = new LinkedHashMap<>();
        for (MarketSeries series : request.marketData()) {
            Map<Instant, BigDecimal> closeAt = new LinkedHashMap<>();
            series.bars().forEach(row -> closeAt.put(row.openTime(), row.close()));
            double[] r = new double[times.size() - 1];
            for (int i = 1; i < times.size(); i++) {
                r[i - 1] = Math.log(closeAt.get(times.get(i)).doubleValue() / closeAt.get(times.get(i - 1)).doubleValue());
            }
            returns.put(series.symbol(), r);
        }
        return ReturnCovariance.ledoitWolf(returns, Math.max(1, horizonBars)).covariance();
    }

    private static BigDecimal optional(LimitSet limits, String name) {
        return limits.values().get(name);
    }

    private static BigDecimal parameter(ParameterSet parameters, String name, BigDecimal fallback) {
        return parameters.values().getOrDefault(name, fallback);
    }
}
