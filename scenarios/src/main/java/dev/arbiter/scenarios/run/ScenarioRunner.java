package dev.arbiter.scenarios.run;

import dev.arbiter.engine.decision.ClientRequest;
import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.engine.decision.DecisionResult;
import dev.arbiter.engine.decision.DecisionStatus;
import dev.arbiter.engine.decision.ExplanationTiming;
import dev.arbiter.engine.decision.MarketView;
import dev.arbiter.engine.decision.Order;
import dev.arbiter.engine.decision.OutcomeRecord;
import dev.arbiter.engine.decision.ProposalVerdict;
import dev.arbiter.engine.decision.ModelChoice;
import dev.arbiter.engine.decision.RequestedModel;
import dev.arbiter.engine.state.AccountEvent;
import dev.arbiter.engine.state.EngineDecisions;
import dev.arbiter.engine.state.InMemoryJournal;
import dev.arbiter.engine.state.Journal;
import dev.arbiter.engine.state.StateSettings;
import dev.arbiter.engine.state.TradingCore;
import dev.arbiter.reasoning.explain.Explanation;
import dev.arbiter.kb.fact.AnomalyKind;
import dev.arbiter.kb.fact.Bar;
import dev.arbiter.kb.fact.Instrument;
import dev.arbiter.kb.fact.OrderIntent;
import dev.arbiter.kb.fact.ProtectiveStop;
import dev.arbiter.kb.fact.Side;
import dev.arbiter.kb.state.AccountState;
import dev.arbiter.mlbridge.indicators.IndicatorFacts;
import dev.arbiter.rules.session.Firing;
import dev.arbiter.scenarios.data.DataRoot;
import dev.arbiter.scenarios.margin.Contracts;
import dev.arbiter.scenarios.margin.FundingFiles;
import dev.arbiter.scenarios.margin.FundingRates;
import dev.arbiter.scenarios.spec.ClientSpec;
import dev.arbiter.scenarios.spec.InvalidScenarioException;
import dev.arbiter.scenarios.spec.MarketFeed;
import dev.arbiter.scenarios.spec.ScenarioSpec;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Replays a scenario bar by bar through the engine, as a trading system and its venue would drive it: a run makes
 * its own {@link TradingCore} (an in-memory journal keeping {@code windowBars} bars per instrument), opens the
 * account with the starting cash, and at every bar time feeds the new bars to the core ({@link TradingCore#bar}),
 * lets the {@link SimulatedVenue} report fills and exits as the engine's events, and decides a slim client request
 * (the account id, the clients' intents, the instruments and models; no figures) through {@link EngineDecisions},
 * which completes it from the engine's state, journals the decision and turns its approvals into working orders.
 * Equity, exposure, positions, losses and flash crashes are the engine's; the runner keeps none of its own.
 * Deterministic: the same scenario and bars give the same run.
 */
public final class ScenarioRunner {


    private static final BigDecimal CLIENT_LIMIT_TOLERANCE = new BigDecimal("1.01");

    /** The venue every scenario instrument is listed on. */
    static final String VENUE = "simulated";

    private final DecisionPipeline pipeline;
    private final List<RequestedModel> models;

    /** @param pipeline the pipeline to decide with; the caller owns (and closes) it */
    public ScenarioRunner(DecisionPipeline pipeline) {
        this(pipeline, List.of());
    }

    /**
     * @param models registered models (in the pipeline's registry) every request names, each for its symbol
     *               once the engine keeps a full window of that symbol's bars
     */
    public ScenarioRunner(DecisionPipeline pipeline, List<RequestedModel> models) {
        this.pipeline = pipeline;
        this.models = List.copyOf(models);
    }

    public RunResult run(ScenarioSpec spec, Map<String, List<Bar>> barsBySymbol) {
        return run(spec, barsBySymbol, StepListener.NONE);
    }

    /**
     * @param barsBySymbol every feed's bars, including the history before {@code spec.from()}: the engine streams
     *                     its indicators from the first of them
     * @param listener     sees every decision with the request as the engine completed it
     */
    public RunResult run(ScenarioSpec spec, Map<String, List<Bar>> barsBySymbol, StepListener listener) {
        return run(spec, barsBySymbol, listener, new InMemoryJournal(), instruments(spec));
    }

    /**
     * A run that keeps its events in {@code journal} and lists its instruments with {@code listed}'s terms (instead
     * of the scenario's own, on the simulated venue): how a run is compared with the service, which lists the
     * reference data of its release.
     */
    public RunResult run(ScenarioSpec spec, Map<String, List<Bar>> barsBySymbol, StepListener listener, Journal journal,
                         Map<String, Instrument> listed) {
        long started = System.nanoTime();
        List<MarketFeed> feeds = spec.market();
        List<Instant> timeline = timeline(spec, barsBySymbol);
        Contracts contracts = Contracts.of(feeds, spec.rules().instruments());
        Map<String, FundingRates> funding = funding(spec, contracts, barsBySymbol, timeline);
        Function<String, Optional<Instrument>> lookup = symbol -> Optional.ofNullable(listed.get(symbol));
        String accountId = spec.account().accountId();
        try (TradingCore core = new TradingCore(journal, StateSettings.DEFAULTS.withBarsKept(spec.windowBars()),
                IndicatorFacts.DEFAULT_SET); ExplainedInOrder explained = new ExplainedInOrder(pipeline, listener)) {
            Instant firstBar = barsBySymbol.values().stream().filter(b -> !b.isEmpty()).map(b -> b.get(0).openTime())
                    .min(Instant::compareTo).orElseThrow();
            core.submit(new AccountEvent.Opened(accountId, firstBar, spec.account().startingCash(), null), null);
            EngineDecisions decisions = new EngineDecisions(core);
            SimulatedVenue venue = new SimulatedVenue(core, accountId, spec.fills(), spec.exits(), contracts, funding);
            Map<String, Integer> next = new HashMap<>();
            feeds.forEach(f -> next.put(f.symbol(), 0));
            List<StepRecord> steps = new ArrayList<>(timeline.size());
            Map<String, List<Bar>> shown = new LinkedHashMap<>();
            feeds.forEach(f -> shown.put(f.symbol(), new ArrayList<>()));

            for (int step = 0; step < timeline.size(); step++) {
                Instant time = timeline.get(step);
                List<Bar> fresh = new ArrayList<>();
                for (MarketFeed feed : feeds) {
                    List<Bar> bars = barsBySymbol.get(feed.symbol());
                    int i = next.get(feed.symbol());
                    for (; i < bars.size() && !bars.get(i).openTime().isAfter(time); i++) {
                        Bar bar = bars.get(i);
                        if (bar.openTime().equals(time)) {
                            fresh.add(bar);
                            shown.get(feed.symbol()).add(bar);
                        } else {
                            core.bar(bar); // history before the first decision
                        }
                    }
                    next.put(feed.symbol(), i);
                }
                if (fresh.isEmpty()) {
                    continue;
                }
                // during the bar: the venue fills at its open, then executes the exits its range touched;
                // at its close the engine takes the bar and marks the account
                for (Bar bar : fresh) {
                    venue.open(bar, step);
                }
                for (Bar bar : fresh) {
                    venue.exits(bar, step);
                }
                for (Bar bar : fresh) {
                    core.bar(bar);
                    venue.settle(bar);
                }
                Instant asOf = fresh.stream().map(Bar::endTime).max(Instant::compareTo).orElseThrow();
                String id = spec.name() + "-" + step;
                List<OrderIntent> intents = intents(spec, step, core, listed);
                ClientRequest request = new ClientRequest(id, asOf,
                        new ClientRequest.ClaimedAccount(accountId, null, null, null, null, null), null, null,
                        feeds.stream().filter(f -> core.view(f.symbol()).isPresent()).map(f -> listed.get(f.symbol()))
                                .toList(),
                        null, null, models.stream().filter(m -> core.bars(m.symbol()).size() >= spec.windowBars())
                                .map(m -> new ModelChoice(m.symbol(), m.purpose(), m.model(), m.version())).toList(),
                        intents, null);
                listener.requested(step, id, request);
                DecisionResult result = decisions.decide(id, request, pipeline, lookup,
                        ExplanationTiming.AFTER_ACKNOWLEDGEMENT);
                explained.decided(step, result);
                steps.add(record(step, time, result, core.account(accountId), listed.keySet()));
                venue.accept(resting(result, intents, venue.dueStep(step)), asOf);
            }
            explained.finish();
            venue.closeOut(timeline.size());
            List<Fill> fills = fills(journal, accountId, venue);
            return new RunResult(spec.name(), spec.account().startingCash().doubleValue(), feeds.get(0).barPeriod(),
                    steps, venue.trades(), fills, shown, core.account(accountId).cash().doubleValue(),
                    System.nanoTime() - started, venue.marginActivity());
        }
    }

    /** Decision times: every bar open in [from, to) of any feed; without {@code from}, once the first window is full. */
    private static List<Instant> timeline(ScenarioSpec spec, Map<String, List<Bar>> barsBySymbol) {
        TreeSet<Instant> times = new TreeSet<>();
        barsBySymbol.values().forEach(bars -> bars.forEach(b -> times.add(b.openTime())));
        if (times.isEmpty()) {
            throw new InvalidScenarioException("market", "no bars", "bars inside the scenario's time range");
        }
        Instant from = spec.from();
        if (from == null) {
            List<Bar> first = barsBySymbol.get(spec.market().get(0).symbol());
            from = first.get(Math.min(first.size() - 1, spec.windowBars() - 1)).openTime();
        }
        Instant to = spec.to() == null ? Instant.MAX : spec.to();
        List<Instant> timeline = new ArrayList<>(times.subSet(from, true, times.last(), true));
        timeline.removeIf(t -> !t.isBefore(to));
        if (timeline.isEmpty()) {
            throw new InvalidScenarioException("from", spec.from(), "a time inside the data (" + times.first() + " .. "
                    + times.last() + ")");
        }
        return timeline;
    }

    /**
     * The scenario's instruments as the engine's reference data lists them: on the simulated venue, a perpetual where
     * the rule set's instruments list one.
     */
    public static Map<String, Instrument> instruments(ScenarioSpec spec) {
        Contracts contracts = Contracts.of(spec.market(), spec.rules().instruments());
        Map<String, Instrument> listed = new LinkedHashMap<>();
        for (MarketFeed feed : spec.market()) {
            listed.put(feed.symbol(), new Instrument(feed.symbol(), VENUE, feed.cluster(), feed.tickSize(),
                    feed.lotSize(), feed.minNotional(), new BigDecimal("1000000000"), contracts.kind(feed.symbol()),
                    contracts.terms(feed.symbol()).leverage()));
        }
        return listed;
    }

    /** Each perpetual's funding rates over the run: from the first bar the runner sees to the last bar's end. */
    private static Map<String, FundingRates> funding(ScenarioSpec spec, Contracts contracts,
                                                     Map<String, List<Bar>> barsBySymbol, List<Instant> timeline) {
        Map<String, FundingRates> funding = new HashMap<>();
        for (int i = 0; i < spec.market().size(); i++) {
            MarketFeed feed = spec.market().get(i);
            if (!contracts.perpetual(feed.symbol()) || feed.funding() == null) {
                continue;
            }
            List<Bar> bars = barsBySymbol.get(feed.symbol());
            Instant end = bars.isEmpty() ? timeline.get(timeline.size() - 1) : bars.get(bars.size() - 1).endTime();
            funding.put(feed.symbol(), FundingFiles.load(feed.symbol(), feed.funding(), "market[" + i + "].funding",
                    spec.baseDirectory(), DataRoot.find(spec.baseDirectory() == null ? Path.of("") : spec.baseDirectory()),
                    contracts.terms(feed.symbol()).fundingInterval(), timeline.get(0), end));
        }
        return funding;
    }

    /** The clients' buy intents due at {@code step}, priced off each instrument's last close the engine holds. */
    private static List<OrderIntent> intents(ScenarioSpec spec, int step, TradingCore core, Map<String, Instrument> listed) {
        String accountId = spec.account().accountId();
        List<OrderIntent> intents = new ArrayList<>();
        for (ClientSpec client : spec.clients()) {
            if (step % client.everyBars() != 0) {
                continue;
            }
            for (Instrument instrument : listed.values()) {
                Optional<MarketView> view = core.view(instrument.symbol());
                if (view.isEmpty() || (!client.symbols().isEmpty() && !client.symbols().contains(instrument.symbol()))) {
                    continue;
                }
                BigDecimal close = view.get().lastBar().close();
                BigDecimal quantity = floorTo(client.notional().divide(close, 12, RoundingMode.DOWN), instrument.lotSize());
                if (quantity.signum() <= 0) {
                    continue;
                }
                BigDecimal stop = client.stopFraction().isEmpty() ? BigDecimal.ZERO
                        : floorTo(close.multiply(BigDecimal.valueOf(1 - client.stopFraction().getAsDouble())),
                                instrument.tickSize());
                // A marketable limit: up to 1 % above the last close, so a gap up leaves it unfilled.
                BigDecimal limit = floorTo(close.multiply(CLIENT_LIMIT_TOLERANCE), instrument.tickSize());
                intents.add(new OrderIntent(client.name() + "-" + step + "-" + instrument.symbol(), accountId,
                        instrument.symbol(), Side.BUY, quantity, limit, stop.signum() > 0 ? stop : null, client.name(), 0.5));
            }
        }
        return intents;
    }

    /**
     * The decision's approved orders as they go to the venue: a client's order is a limit at its intent's price; a
     * strategy's a market order. The stop the rules concluded travels along for positions the engine has none for.
     */
    private static List<SimulatedVenue.Resting> resting(DecisionResult result, List<OrderIntent> intents, int dueStep) {
        Map<String, Double> stops = stops(result.trace().firings());
        List<SimulatedVenue.Resting> orders = new ArrayList<>();
        for (Order order : result.decision().orders()) {
            String origin = result.decision().proposals().stream()
                    .filter(p -> p.proposalId().equals(order.proposalId())).findFirst()
                    .map(ProposalVerdict::origin).orElse("?");
            BigDecimal limit = intents.stream().filter(i -> i.intentId().equals(order.proposalId())).findFirst()
                    .map(OrderIntent::limitPrice).orElse(null);
            Double stop = stops.get(order.proposalId());
            orders.add(new SimulatedVenue.Resting(order.orderId(), order.symbol(), order.side(), order.quantity(), dueStep,
                    limit, origin, stop == null ? null : BigDecimal.valueOf(stop)));
        }
        return orders;
    }

    /** Every fill of the run as the engine's journal holds it, with why the venue made it. */
    private static List<Fill> fills(Journal journal, String accountId, SimulatedVenue venue) {
        List<Fill> fills = new ArrayList<>();
        for (Journal.Entry<AccountEvent> entry : journal.accountEvents(accountId, 0)) {
            if (entry.event() instanceof AccountEvent.Filled f) {
                SimulatedVenue.Execution why = venue.execution(f.fillId());
                fills.add(new Fill(f.at(), f.symbol(), f.side(), f.quantity().doubleValue(), f.price().doubleValue(),
                        f.fee().doubleValue(), why == null ? "unsolicited" : why.label()));
            }
        }
        return fills;
    }

    private static BigDecimal floorTo(BigDecimal value, BigDecimal step) {
        return value.divide(step, 0, RoundingMode.DOWN).multiply(step).stripTrailingZeros();
    }

    /**
     * Words each decision's explanation on a thread of its own while the run goes on, and hands the explained
     * decisions to the listener in the order they were made. The sentences depend on the trace alone, so they are
     * the same whenever they are worded (as the service's explanations after the acknowledgement are). At most
     * {@value #AHEAD} decisions wait for theirs: a slower explainer holds the run back rather than fill memory.
     */
    private static final class ExplainedInOrder implements AutoCloseable {

        private static final int AHEAD = 64;

        private final DecisionPipeline pipeline;
        private final StepListener listener;
        private final ExecutorService explainer = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("scenario-explainer").daemon(true).factory());
        private final ArrayDeque<Pending> pending = new ArrayDeque<>();

        private record Pending(int step, DecisionResult result, Future<List<Explanation>> explanations) {
        }

        ExplainedInOrder(DecisionPipeline pipeline, StepListener listener) {
            this.pipeline = pipeline;
            this.listener = listener;
        }

        void decided(int step, DecisionResult result) {
            pending.add(new Pending(step, result, explainer.submit(() -> pipeline.explain(result.trace()))));
            while (!pending.isEmpty() && (pending.size() > AHEAD || pending.peek().explanations().isDone())) {
                deliver(pending.poll());
            }
        }

        void finish() {
            while (!pending.isEmpty()) {
                deliver(pending.poll());
            }
        }

        private void deliver(Pending waiting) {
            List<Explanation> explanations;
            try {
                explanations = waiting.explanations().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the decision of step " + waiting.step()
                        + " was being explained", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException failure ? failure
                        : new IllegalStateException("explaining the decision of step " + waiting.step() + " failed",
                                e.getCause());
            }
            DecisionResult whole = waiting.result().explained(explanations);
            listener.decided(waiting.step(), whole.trace().request(), whole);
        }

        @Override
        public void close() {
            explainer.shutdownNow();
        }
    }

    private static StepRecord record(int step, Instant time, DecisionResult result, AccountState state,
                                     Set<String> symbols) {
        List<String> fired = result.trace().firings().stream().map(Firing::reasonCode).distinct().toList();
        Map<String, Integer> rejections = new TreeMap<>();
        Map<String, Integer> caps = new TreeMap<>();
        List<String> halts = new ArrayList<>();
        // a flash crash the engine's market stream sees is in force for the instrument
        Set<String> halted = new TreeSet<>();
        for (MarketView view : result.trace().request().market()) {
            if (view.anomalies().stream().anyMatch(a -> a.kind() == AnomalyKind.FLASH_CRASH)) {
                halted.add(view.symbol());
            }
        }
        for (OutcomeRecord outcome : result.trace().outcomes()) {
            String key = outcome.reason().layer().name() + " " + outcome.reason().code();
            switch (outcome.kind()) {
                case "REJECT" -> rejections.merge(key, 1, Integer::sum);
                case "CAP" -> caps.merge(key, 1, Integer::sum);
                case "HALT", "REDUCE_ONLY" -> {
                    halts.add(outcome.reason().code());
                    if ("INSTRUMENT".equals(outcome.scope())) {
                        halted.add(outcome.target());
                    } else {
                        halted.addAll(symbols);
                    }
                }
                default -> { }
            }
        }
        Set<String> buys = new TreeSet<>();
        result.decision().orders().stream().filter(o -> o.side() == Side.BUY).forEach(o -> buys.add(o.symbol()));
        Set<String> breaches = new TreeSet<>(buys);
        breaches.retainAll(halted);
        return new StepRecord(step, time, result.decision().status(), state.equity().doubleValue(),
                state.grossExposure().doubleValue(), fired, rejections, caps, List.copyOf(halts), halted, buys, breaches,
                fault(result));
    }

    /** Why a decision failed closed: the rule session's fault, or the limit proof's summary when it blocked. */
    private static String fault(DecisionResult result) {
        if (result.trace().sessionFault() != null) {
            return result.trace().sessionFault().rule() + ": " + result.trace().sessionFault().detail();
        }
        return result.decision().status() == DecisionStatus.BLOCKED ? result.decision().summary() : null;
    }

    /** Protective stops the firings concluded, by proposal id. */
    static Map<String, Double> stops(List<Firing> firings) {
        Map<String, Double> stops = new HashMap<>();
        for (Firing firing : firings) {
            for (ProtectiveStop stop : firing.concludedOf(ProtectiveStop.class)) {
                stops.put(stop.proposalId(), stop.price().doubleValue());
            }
        }
        return stops;
    }
}
