package dev.arbiter.scenarios.run;

import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.engine.decision.DecisionRequest;
import dev.arbiter.engine.decision.DecisionResult;
import dev.arbiter.engine.decision.MarketSeries;
import dev.arbiter.engine.decision.Order;
import dev.arbiter.engine.decision.OutcomeRecord;
import dev.arbiter.engine.decision.RequestedModel;
import dev.arbiter.engine.decision.RiskContext;
import dev.arbiter.kb.fact.Anomaly;
import dev.arbiter.kb.fact.Bar;
import dev.arbiter.kb.fact.Instrument;
import dev.arbiter.kb.fact.OpenOrder;
import dev.arbiter.kb.fact.OrderIntent;
import dev.arbiter.kb.fact.ProtectiveStop;
import dev.arbiter.kb.fact.Side;
import dev.arbiter.rules.session.Firing;
import dev.arbiter.scenarios.spec.ClientSpec;
import dev.arbiter.scenarios.spec.InvalidScenarioException;
import dev.arbiter.scenarios.spec.MarketFeed;
import dev.arbiter.scenarios.spec.ScenarioSpec;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Replays a scenario bar by bar through the decision pipeline: at every bar it builds the request a
 * trading system would send (the last bars of every instrument, the account, its positions, the
 * controls' context), decides in-process, fills the approved orders at the next bar's open (plus
 * latency, slippage and fees), closes entries at their stops or when they are old, and evolves the
 * account for the next request. Deterministic: the same scenario and bars give the same run.
 */
public final class ScenarioRunner {

    private record Pending(Order order, int dueStep, Double stop, String origin, Double limit) {
    }

    private static final BigDecimal CLIENT_LIMIT_TOLERANCE = new BigDecimal("1.01");

    private final DecisionPipeline pipeline;
    private final List<RequestedModel> models;

    /** @param pipeline the pipeline to decide with; the caller owns (and closes) it */
    public ScenarioRunner(DecisionPipeline pipeline) {
        this(pipeline, List.of());
    }

    /**
     * @param models registered models (in the pipeline's registry) every request names, each for its symbol
     *               once that symbol's request window is full
     */
    public ScenarioRunner(DecisionPipeline pipeline, List<RequestedModel> models) {
        this.pipeline = pipeline;
        this.models = List.copyOf(models);
    }

    public RunResult run(ScenarioSpec spec, Map<String, List<Bar>> barsBySymbol) {
        return run(spec, barsBySymbol, StepListener.NONE);
    }

    /**
     * @param barsBySymbol every feed's bars, including the history before {@code spec.from()} the first
     *                     windows need
     */
    public RunResult run(ScenarioSpec spec, Map<String, List<Bar>> barsBySymbol, StepListener listener) {
        long started = System.nanoTime();
        List<MarketFeed> feeds = spec.market();
        Map<String, MarketFeed> feedOf = new LinkedHashMap<>();
        feeds.forEach(f -> feedOf.put(f.symbol(), f));
        List<Instant> timeline = timeline(spec, barsBySymbol);
        Book book = new Book(spec.account().accountId(), spec.account().startingCash().doubleValue(), spec.fills());
        Map<String, Integer> cursor = new HashMap<>();
        Map<String, FlashCrashDetector> detectors = new HashMap<>();
        feeds.forEach(f -> {
            cursor.put(f.symbol(), -1);
            detectors.put(f.symbol(), new FlashCrashDetector(spec.detector()));
        });
        List<Pending> pending = new ArrayList<>();
        List<StepRecord> steps = new ArrayList<>(timeline.size());
        Map<String, List<Bar>> shown = new LinkedHashMap<>();
        feeds.forEach(f -> shown.put(f.symbol(), new ArrayList<>()));
        Map<String, Anomaly> crashes = new HashMap<>();

        for (int step = 0; step < timeline.size(); step++) {
            Instant time = timeline.get(step);
            Set<String> fresh = new LinkedHashSet<>();
            for (MarketFeed feed : feeds) {
                List<Bar> bars = barsBySymbol.get(feed.symbol());
                int i = cursor.get(feed.symbol());
                while (i + 1 < bars.size() && !bars.get(i + 1).openTime().isAfter(time)) {
                    i++;
                }
                cursor.put(feed.symbol(), i);
                if (i >= 0 && bars.get(i).openTime().equals(time)) {
                    fresh.add(feed.symbol());
                    shown.get(feed.symbol()).add(bars.get(i));
                }
            }
            // 1. orders decided earlier fill at this bar's open; 2. exits; 3. marks.
            for (java.util.Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
                Pending p = it.next();
                if (p.dueStep() <= step && fresh.contains(p.order().symbol())) {
                    Bar bar = barsBySymbol.get(p.order().symbol()).get(cursor.get(p.order().symbol()));
                    double quantity = p.order().quantity().doubleValue();
                    if (p.limit() != null && p.order().side() == Side.BUY && bar.open().doubleValue() > p.limit()) {
                        it.remove(); // the market opened above the client's limit: the order does not fill
                        continue;
                    }
                    if (p.order().side() == Side.BUY) {
                        book.buy(p.order().symbol(), p.origin(), quantity, bar.open().doubleValue(), time, step, p.stop());
                    } else {
                        book.sell(p.order().symbol(), quantity, bar.open().doubleValue(), time, "entry");
                    }
                    it.remove();
                }
            }
            for (String symbol : fresh) {
                Bar bar = barsBySymbol.get(symbol).get(cursor.get(symbol));
                book.exits(symbol, bar.open().doubleValue(), bar.low().doubleValue(), time, step,
                        spec.exits().maxHoldingBars(), spec.exits().useStops());
                book.mark(symbol, bar.close().doubleValue());
            }
            book.settle(time);
            if (fresh.isEmpty()) {
                continue;
            }
            Instant asOf = fresh.stream().map(s -> barsBySymbol.get(s).get(cursor.get(s)).endTime())
                    .max(Instant::compareTo).orElseThrow();
            for (String symbol : fresh) {
                detectors.get(symbol).observe(barsBySymbol.get(symbol), cursor.get(symbol), asOf)
                        .ifPresentOrElse(a -> crashes.put(symbol, a), () -> crashes.remove(symbol));
            }
            DecisionRequest request = request(spec, step, asOf, book, barsBySymbol, cursor, feedOf, pending, crashes, models);
            DecisionResult result = pipeline.decide(spec.name() + "-" + step, request);
            listener.decided(step, request, result);
            StepRecord record = record(step, time, result, book, crashes.keySet(), feedOf.keySet());
            steps.add(record);
            Map<String, Double> stops = stops(result.trace().firings());
            for (Order order : result.decision().orders()) {
                String origin = result.decision().proposals().stream()
                        .filter(p -> p.proposalId().equals(order.proposalId())).findFirst()
                        .map(p -> p.origin()).orElse("?");
                Double limit = request.intents().stream().filter(i -> i.intentId().equals(order.proposalId()))
                        .findFirst().map(i -> i.limitPrice().doubleValue()).orElse(null);
                pending.add(new Pending(order, step + 1 + spec.fills().latencyBars(), stops.get(order.proposalId()),
                        origin, limit));
            }
        }
        Instant end = timeline.isEmpty() ? Instant.EPOCH : timeline.get(timeline.size() - 1);
        book.closeAll(end);
        return new RunResult(spec.name(), spec.account().startingCash().doubleValue(), feeds.get(0).barPeriod(), steps,
                List.copyOf(book.trades()), List.copyOf(book.fills()), shown, book.cash(), System.nanoTime() - started);
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

    private static DecisionRequest request(ScenarioSpec spec, int step, Instant asOf, Book book,
                                           Map<String, List<Bar>> barsBySymbol, Map<String, Integer> cursor,
                                           Map<String, MarketFeed> feedOf, List<Pending> pending,
                                           Map<String, Anomaly> crashes, List<RequestedModel> models) {
        String accountId = spec.account().accountId();
        List<Instrument> instruments = new ArrayList<>();
        List<MarketSeries> marketData = new ArrayList<>();
        for (MarketFeed feed : feedOf.values()) {
            int last = cursor.get(feed.symbol());
            if (last < 0) {
                continue; // no bar yet: the instrument is not part of this decision
            }
            List<Bar> bars = barsBySymbol.get(feed.symbol());
            List<MarketSeries.Row> rows = new ArrayList<>(spec.windowBars());
            for (int i = Math.max(0, last - spec.windowBars() + 1); i <= last; i++) {
                Bar b = bars.get(i);
                rows.add(new MarketSeries.Row(b.openTime(), b.open(), b.high(), b.low(), b.close(), b.volume()));
            }
            marketData.add(new MarketSeries(feed.symbol(), feed.barPeriod(), rows));
            instruments.add(new Instrument(feed.symbol(), "simulated", feed.cluster(), feed.tickSize(), feed.lotSize(),
                    feed.minNotional(), new BigDecimal("1000000000")));
        }
        Set<String> present = new LinkedHashSet<>();
        instruments.forEach(i -> present.add(i.symbol()));
        List<OpenOrder> openOrders = pending.stream()
                .filter(p -> present.contains(p.order().symbol()))
                .map(p -> new OpenOrder("pending-" + p.order().proposalId(), accountId, p.order().symbol(),
                        p.order().side(), p.order().quantity(), p.order().price()))
                .toList();
        List<OrderIntent> intents = new ArrayList<>();
        for (ClientSpec client : spec.clients()) {
            if (step % client.everyBars() != 0) {
                continue;
            }
            for (MarketFeed feed : feedOf.values()) {
                if (!present.contains(feed.symbol()) || (!client.symbols().isEmpty() && !client.symbols().contains(feed.symbol()))) {
                    continue;
                }
                BigDecimal close = barsBySymbol.get(feed.symbol()).get(cursor.get(feed.symbol())).close();
                BigDecimal quantity = floorTo(client.notional().divide(close, 12, RoundingMode.DOWN), feed.lotSize());
                if (quantity.signum() <= 0) {
                    continue;
                }
                BigDecimal stop = floorTo(close.multiply(BigDecimal.valueOf(1 - client.stopFraction())), feed.tickSize());
                // A marketable limit: up to 1 % above the last close, so a gap up leaves it unfilled.
                BigDecimal limit = floorTo(close.multiply(CLIENT_LIMIT_TOLERANCE), feed.tickSize());
                intents.add(new OrderIntent(client.name() + "-" + step + "-" + feed.symbol(), accountId, feed.symbol(),
                        Side.BUY, quantity, limit, stop.signum() > 0 ? stop : null, client.name(), 0.5));
            }
        }
        List<Anomaly> anomalies = crashes.entrySet().stream().filter(e -> present.contains(e.getKey()))
                .map(Map.Entry::getValue).toList();
        RiskContext context = new RiskContext(null, null, null, null, anomalies, null, book.lossHistory(asOf), null, null);
        Set<String> fullWindow = new LinkedHashSet<>();
        marketData.stream().filter(m -> m.bars().size() == spec.windowBars()).forEach(m -> fullWindow.add(m.symbol()));
        List<RequestedModel> named = models.stream().filter(m -> fullWindow.contains(m.symbol())).toList();
        return new DecisionRequest(spec.name() + "-" + step, asOf, book.account(),
                book.positions().stream().filter(p -> present.contains(p.symbol())).toList(), openOrders, instruments,
                marketData, List.of(), named, intents, context);
    }

    private static BigDecimal floorTo(BigDecimal value, BigDecimal step) {
        return value.divide(step, 0, RoundingMode.DOWN).multiply(step).stripTrailingZeros();
    }

    private static StepRecord record(int step, Instant time, DecisionResult result, Book book, Set<String> crashing,
                                     Set<String> symbols) {
        List<String> fired = result.trace().firings().stream().map(Firing::reasonCode).distinct().toList();
        Map<String, Integer> rejections = new TreeMap<>();
        Map<String, Integer> caps = new TreeMap<>();
        List<String> halts = new ArrayList<>();
        Set<String> halted = new TreeSet<>(crashing);
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
        return new StepRecord(step, time, result.decision().status(), book.equity(), book.grossExposure(), fired,
                rejections, caps, List.copyOf(halts), halted, buys, breaches,
                fault(result));
    }

    /** Why a decision failed closed: the rule session's fault, or the limit proof's summary when it blocked. */
    private static String fault(DecisionResult result) {
        if (result.trace().sessionFault() != null) {
            return result.trace().sessionFault().rule() + ": " + result.trace().sessionFault().detail();
        }
        return result.decision().status() == dev.arbiter.engine.decision.DecisionStatus.BLOCKED
                ? result.decision().summary() : null;
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
