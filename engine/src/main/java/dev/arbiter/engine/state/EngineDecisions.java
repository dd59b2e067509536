package dev.arbiter.engine.state;

import dev.arbiter.engine.decision.ActiveModels;
import dev.arbiter.engine.decision.ClientRequest;
import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.engine.decision.DecisionRequest;
import dev.arbiter.engine.decision.DecisionResult;
import dev.arbiter.engine.decision.ExplanationTiming;
import dev.arbiter.engine.decision.InvalidRequestException;
import dev.arbiter.engine.decision.MarketSeries;
import dev.arbiter.engine.decision.MarketView;
import dev.arbiter.engine.decision.Order;
import dev.arbiter.engine.decision.RiskContext;
import dev.arbiter.engine.decision.RequestedModel;
import dev.arbiter.engine.decision.RuleRelease;
import dev.arbiter.engine.decision.StateAtDecision;
import dev.arbiter.kb.InvalidFactException;
import dev.arbiter.kb.fact.Account;
import dev.arbiter.kb.fact.Bar;
import dev.arbiter.kb.fact.Instrument;
import dev.arbiter.kb.fact.InstrumentKind;
import dev.arbiter.kb.fact.OrderIntent;
import dev.arbiter.kb.fact.ProtectiveStop;
import dev.arbiter.kb.fact.ReconciliationBreak;
import dev.arbiter.kb.state.AccountState;
import dev.arbiter.kb.state.PositionState;
import dev.arbiter.kb.state.WorkingOrder;
import dev.arbiter.rules.pack.LimitSet;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Decides a client's request against the engine's own state: newer bars the request brings are journaled first, then,
 * with the account's lock held, the request is completed from the account's state, the desk's controls, the market
 * streams' views and the listed instruments; the claims it carries are reconciled; the pipeline decides; and the
 * decision, with the orders it approved, is journaled. Every driver decides through here.
 */
public final class EngineDecisions {

    private final TradingCore core;
    private final Reconciliation reconciliation;
    private final ActiveModels activeModels;

    /** Runs the registered model versions requests name ({@link ActiveModels#namedVersions()}). */
    public EngineDecisions(TradingCore core) {
        this(core, ActiveModels.namedVersions());
    }

    /** Runs the models {@code activeModels} resolves requests' choices to: the service's model lifecycle. */
    public EngineDecisions(TradingCore core, ActiveModels activeModels) {
        this.core = Objects.requireNonNull(core, "core");
        this.reconciliation = new Reconciliation(core.settings().reconcileTolerance());
        this.activeModels = Objects.requireNonNull(activeModels, "activeModels");
    }

    public TradingCore core() {
        return core;
    }

    /** Decides with the active release of {@code pipeline}, its instruments the listed ones. */
    public DecisionResult decide(String decisionId, ClientRequest request, DecisionPipeline pipeline) {
        return decide(decisionId, request, pipeline, ExplanationTiming.WITH_DECISION);
    }

    /**
     * Decides with the active release of {@code pipeline}, explaining now or leaving the explanation for after the
     * acknowledgement ({@link DecisionPipeline#explain}): the service does the latter, so that no account's lock is
     * held while Prolog words a decision already made.
     */
    public DecisionResult decide(String decisionId, ClientRequest request, DecisionPipeline pipeline,
                                 ExplanationTiming timing) {
        RuleRelease release = pipeline.active();
        return decide(decisionId, request, pipeline, release, release.instruments()::find, timing);
    }

    /**
     * @param instruments the listed instruments (a simulated venue's own, in a scenario)
     * @throws InvalidRequestException when the request cannot be decided (nothing about the decision is journaled;
     *                                 bars it brought that were accepted stay accepted)
     */
    public DecisionResult decide(String decisionId, ClientRequest request, DecisionPipeline pipeline,
                                 Function<String, Optional<Instrument>> instruments) {
        return decide(decisionId, request, pipeline, instruments, ExplanationTiming.WITH_DECISION);
    }

    /** The same, explaining now or leaving the explanation to the caller ({@link DecisionPipeline#explain}). */
    public DecisionResult decide(String decisionId, ClientRequest request, DecisionPipeline pipeline,
                                 Function<String, Optional<Instrument>> instruments, ExplanationTiming timing) {
        return decide(decisionId, request, pipeline, pipeline.active(), instruments, timing);
    }

    /**
     * Decides with {@code release} rather than the pipeline's active one: the active release with limits of the
     * account's own (a desk's budget leased to it), explained at once.
     */
    public DecisionResult decide(String decisionId, ClientRequest request, DecisionPipeline pipeline,
                                 RuleRelease release, Function<String, Optional<Instrument>> instruments) {
        return decide(decisionId, request, pipeline, release, instruments, ExplanationTiming.WITH_DECISION);
    }

    private DecisionResult decide(String decisionId, ClientRequest request, DecisionPipeline pipeline,
                                  RuleRelease release, Function<String, Optional<Instrument>> instruments,
                                  ExplanationTiming timing) {
        for (int i = 0; i < request.intents().size(); i++) {
            listed("intents[" + i + "].symbol", request.intents().get(i).symbol(), instruments);
        }
        ingest(request, instruments);
        return core.decide(request.accountId(), request.asOf(), state -> {
            if (!state.opened()) {
                throw new InvalidRequestException("account.accountId", "'" + request.accountId() + "'",
                        "an account with an opening balance (PUT /v1/accounts/{accountId} first)");
            }
            DecisionRequest completed = complete(request, state, release.limits(), instruments);
            DecisionResult result = pipeline.decide(decisionId, completed, release, timing);
            List<AccountEvent.ApprovedOrder> approved = new ArrayList<>();
            Map<String, BigDecimal> stops = new TreeMap<>();
            result.trace().firings().forEach(f -> f.concludedOf(ProtectiveStop.class)
                    .forEach(stop -> stops.put(stop.proposalId(), stop.price())));
            for (Order order : result.decision().orders()) {
                // the client's own stop, else the one a strategy rule concluded for its proposal
                BigDecimal stop = request.intents().stream().filter(i -> i.intentId().equals(order.proposalId()))
                        .findFirst().map(OrderIntent::stopLoss).orElse(stops.get(order.proposalId()));
                approved.add(new AccountEvent.ApprovedOrder(order.orderId(), order.symbol(), order.side(),
                        order.quantity(), order.price(), stop));
            }
            return new TradingCore.Decided<>(result, decisionId, request.asOf(), approved, completed.state().breaks());
        });
    }

    /**
     * The request as the pipeline would see it now, against the account's current state and the release's
     * instruments, without deciding or journaling anything (bars it brings are not ingested).
     */
    public DecisionRequest preview(ClientRequest request, RuleRelease release) {
        return complete(request, core.account(request.accountId()), release.limits(), release.instruments()::find);
    }

    /** The request as the pipeline sees it: the client's intents and predictions over the engine's own figures. */
    DecisionRequest complete(ClientRequest request, AccountState state, LimitSet limits,
                             Function<String, Optional<Instrument>> instruments) {
        TreeSet<String> symbols = new TreeSet<>();
        request.intents().forEach(i -> symbols.add(i.symbol()));
        request.predictions().forEach(p -> symbols.add(p.symbol()));
        request.models().forEach(m -> symbols.add(m.symbol()));
        // instruments the client names (its claimed terms, or bars it brings) are part of the decision, so the
        // strategies look at them even without an intent or a position there
        request.instruments().forEach(i -> symbols.add(i.symbol()));
        request.marketData().forEach(m -> symbols.add(m.symbol()));
        state.positions().stream().map(PositionState::symbol).forEach(symbols::add);
        state.workingOrders().stream().map(WorkingOrder::symbol).forEach(symbols::add);
        List<Instrument> listed = new ArrayList<>();
        for (String symbol : symbols) {
            instruments.apply(symbol).ifPresent(listed::add);
        }
        List<String> known = listed.stream().map(Instrument::symbol).toList();
        List<MarketView> views = core.views(known);
        Map<String, MarketSeries> sent = new TreeMap<>();
        request.marketData().forEach(m -> sent.put(m.symbol(), m));
        List<MarketSeries> marketData = new ArrayList<>();
        for (MarketView view : views) {
            List<MarketSeries.Row> rows = core.rows(view.symbol());
            MarketSeries client = sent.get(view.symbol());
            marketData.add(client == null ? new MarketSeries(view.symbol(), view.period(), rows)
                    : new MarketSeries(view.symbol(), view.period(), rows, client.quotes(), client.book(), client.trades()));
        }
        Account account = AccountFacts.account(state, symbol -> instruments.apply(symbol).map(Instrument::kind)
                .orElse(InstrumentKind.SPOT));
        List<ReconciliationBreak> breaks = reconciliation.breaks(request, state, account, listed);
        DeskState desk = core.desk();
        RiskContext context = new RiskContext(AccountFacts.controls(state, desk, known), null, null, null, null,
                AccountFacts.activity(state, core.settings().rateWindow(), request.asOf()),
                AccountFacts.lossHistory(state, request.asOf()),
                AccountFacts.margin(state, limits).stream().findFirst().orElse(null),
                AccountFacts.killSwitch(state, desk), AccountFacts.marginModes(state, known));
        return new DecisionRequest(request.requestId(), request.asOf(), account, AccountFacts.positions(state, known),
                AccountFacts.openOrders(state, known), listed, marketData, request.predictions(), resolved(request),
                request.intents(), context, views,
                new StateAtDecision(state.journalPosition(), StateHash.of(state), breaks), core.markPrices(known));
    }

    /** The models each choice resolves to, in the choices' order. */
    private List<RequestedModel> resolved(ClientRequest request) {
        List<RequestedModel> models = new ArrayList<>();
        for (int i = 0; i < request.models().size(); i++) {
            models.addAll(activeModels.resolve(request.models().get(i), "models[" + i + "]"));
        }
        return models;
    }

    /** Journals the bars a request brings that are newer than the engine's; repeats of kept bars are skipped. */
    private void ingest(ClientRequest request, Function<String, Optional<Instrument>> instruments) {
        for (int i = 0; i < request.marketData().size(); i++) {
            MarketSeries series = request.marketData().get(i);
            String at = "marketData[" + i + "]";
            listed(at + ".symbol", series.symbol(), instruments);
            List<Bar> bars = series.toBars(at);
            List<Bar> kept = core.bars(series.symbol());
            Bar newest = kept.isEmpty() ? null : kept.get(kept.size() - 1);
            for (int k = 0; k < bars.size(); k++) {
                Bar bar = bars.get(k);
                if (newest != null && bar.period().equals(newest.period()) && !bar.openTime().isAfter(newest.openTime())) {
                    if (!kept.contains(bar)) {
                        throw new InvalidRequestException(at + ".bars[" + k + "]", bar.openTime().toString(),
                                "a bar the engine already keeps with the same values, or one after " + newest.openTime()
                                        + " (the newest it keeps)");
                    }
                    continue;
                }
                try {
                    core.bar(bar);
                } catch (InvalidFactException e) {
                    throw new InvalidRequestException(at + ".bars[" + k + "]." + e.field(), e.value(), e.accepted());
                }
            }
        }
    }

    private static Instrument listed(String field, String symbol, Function<String, Optional<Instrument>> instruments) {
        return instruments.apply(symbol).orElseThrow(() -> new InvalidRequestException(field, "'" + symbol + "'",
                "a listed instrument (the engine's reference data, instruments.json of the active rule pack)"));
    }

}
