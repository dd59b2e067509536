package dev.arbiter.engine.decision;

import dev.arbiter.kb.fact.Anomaly;
import dev.arbiter.kb.fact.Bar;
import dev.arbiter.kb.fact.Exposure;
import dev.arbiter.kb.fact.FeedStatus;
import dev.arbiter.kb.fact.IndicatorValue;
import dev.arbiter.kb.fact.Portfolio;
import dev.arbiter.kb.fact.Regime;
import dev.arbiter.kb.margin.BookFacts;
import dev.arbiter.mlbridge.indicators.IndicatorFacts;
import dev.arbiter.mlbridge.model.ModelPrediction;
import dev.arbiter.mlbridge.regime.Quote;
import dev.arbiter.mlbridge.regime.SpreadMonitor;
import dev.arbiter.reasoning.kb.KnowledgeBase;
import dev.arbiter.rules.pack.InstrumentSet;
import dev.arbiter.rules.pack.LimitSet;
import dev.arbiter.rules.pack.ParameterSet;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a request into the facts a rule session sees, deriving indicators, feed status, exposure, the regimes and
 * anomalies detected from each instrument's bars (and quotes, when given), and the restrictions the knowledge base
 * derives for the request's instruments and venues; the registered models the request names predict from its bars
 * ({@link ModelRunner}) and their predictions join the client's. Regimes and anomalies the client sends in its context are kept
 * beside the detected ones: a rule sees both, each with its evidence.
 */
final class FactAssembler {

    private final IndicatorFacts indicatorFacts;
    /** One Prolog engine per decision deriving now: one engine behind one lock would queue every decision. */
    private final Workers<KnowledgeBase> knowledgeBases;
    private final ModelRunner models;

    FactAssembler(IndicatorFacts indicatorFacts, KnowledgeBase knowledgeBase, ModelRunner models) {
        this.indicatorFacts = indicatorFacts;
        this.knowledgeBases = new Workers<>(knowledgeBase, KnowledgeBase::another, kb -> { },
                Runtime.getRuntime().availableProcessors());
        this.models = models;
    }

    AssembledFacts assemble(DecisionRequest request, LimitSet limits, ParameterSet parameters,
                            InstrumentSet listed) {
        List<IndicatorValue> indicators = new ArrayList<>();
        List<FeedStatus> feeds = new ArrayList<>();
        List<Exposure> exposures = new ArrayList<>();
        List<Anomaly> anomalies = new ArrayList<>();
        List<Regime> regimes = new ArrayList<>();
        Map<String, MarketView> views = new LinkedHashMap<>();
        views(request).forEach(v -> views.put(v.symbol(), v));
        for (MarketView view : views.values()) {
            Bar last = view.lastBar();
            long age = Duration.between(last.endTime(), request.asOf()).toSeconds();
            if (age < 0) {
                throw new InvalidRequestException("asOf", request.asOf().toString(),
                        "a time at or after the end of the last " + view.symbol() + " bar (" + last.endTime() + ")");
            }
            feeds.add(new FeedStatus(view.symbol(), last.endTime(), last.close(), age,
                    (int) Math.min(Integer.MAX_VALUE, view.barCount())));
            anomalies.addAll(view.anomalies());
            anomalies.addAll(MarketStream.staleAt(last, request.asOf()));
            regimes.addAll(view.regimes());
            indicators.addAll(view.indicators());
        }
        for (int i = 0; i < request.marketData().size(); i++) {
            MarketSeries series = request.marketData().get(i);
            List<Quote> quotes = series.toQuotes("marketData[" + i + "]");
            if (!quotes.isEmpty() && quotes.get(quotes.size() - 1).time().isAfter(request.asOf())) {
                throw new InvalidRequestException("marketData[" + i + "].quotes[" + (quotes.size() - 1) + "].time",
                        quotes.get(quotes.size() - 1).time().toString(), "a time at or before asOf " + request.asOf());
            }
            SpreadMonitor.DEFAULTS.check(series.symbol(), quotes).ifPresent(anomalies::add);
            indicators.addAll(Microstructure.facts("marketData[" + i + "]", series.symbol(), series.book(),
                    series.trades(), request.asOf()));
        }
        Map<String, BigDecimal> marks = BookMeasure.marks(request, views);
        exposures.addAll(BookMeasure.exposures(request, marks, BookMeasure.book(request, marks, listed)));
        ModelRunner.Runs runs = models.predict(request);
        List<ModelPrediction> modelPredictions = runs.predictions();

        List<Object> facts = new ArrayList<>(limits.facts());
        facts.addAll(parameters.facts());
        facts.add(request.account());
        facts.addAll(request.instruments());
        facts.addAll(request.positions());
        facts.addAll(request.openOrders());
        facts.addAll(feeds);
        facts.addAll(request.markPrices());
        facts.addAll(indicators);
        facts.addAll(exposures);
        facts.addAll(request.predictions());
        modelPredictions.stream().filter(ModelPrediction::acted).forEach(p -> facts.add(p.toFact()));
        facts.addAll(runs.health());
        facts.addAll(runs.spreads());
        facts.addAll(request.context().facts());
        facts.addAll(knowledgeBases.with(kb -> kb.restrictions(request.instruments(),
                request.asOf().atZone(ZoneOffset.UTC).toLocalDate())));
        facts.addAll(regimes);
        facts.addAll(anomalies);
        if (request.state() != null) {
            facts.addAll(request.state().breaks());
        }
        facts.addAll(request.intents());
        // the book summed once: the sizing and the proof read the same gross exposure and reservations as the rules
        List<Object> completed = BookFacts.complete(facts);
        Portfolio summed = completed.stream().filter(Portfolio.class::isInstance).map(Portfolio.class::cast)
                .filter(p -> p.accountId().equals(request.account().accountId())).findFirst().orElseThrow();
        return new AssembledFacts(completed, indicators, feeds, exposures, summed.grossExposure(), summed.reserved(),
                modelPredictions);
    }

    /**
     * The market views the request was completed with, or, for a request that brings only bars, the views a market
     * stream leaves after those bars: the same computation either way.
     */
    private List<MarketView> views(DecisionRequest request) {
        if (!request.market().isEmpty()) {
            return request.market();
        }
        List<MarketView> views = new ArrayList<>();
        for (int i = 0; i < request.marketData().size(); i++) {
            MarketSeries series = request.marketData().get(i);
            List<Bar> bars = series.toBars("marketData[" + i + "]");
            MarketStream stream = new MarketStream(series.symbol(), series.period(), indicatorFacts.set(), bars.size());
            bars.forEach(stream::accept);
            views.add(stream.view());
        }
        return views;
    }
}
