package dev.arbiter.engine.service;

import dev.arbiter.engine.decision.DecisionRequest;
import dev.arbiter.engine.decision.MarketSeries;
import dev.arbiter.engine.decision.RiskContext;
import dev.arbiter.engine.service.store.BarStore;
import dev.arbiter.engine.service.store.FillStore;
import dev.arbiter.engine.service.store.TradingStateStore;
import dev.arbiter.kb.fact.Instrument;
import dev.arbiter.kb.fact.Position;
import dev.arbiter.kb.fact.TradingControl;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Completes a request with what the service keeps: trading states in force always apply (a request
 * cannot talk its way past a halt); stored positions and bars are used when the request carries none.
 * The completed request is what the pipeline sees and what the trace keeps, so a replay needs nothing else.
 */
final class StoredState {

    private final TradingStateStore tradingStates;
    private final FillStore fills;
    private final BarStore bars;

    StoredState(TradingStateStore tradingStates, FillStore fills, BarStore bars) {
        this.tradingStates = tradingStates;
        this.fills = fills;
        this.bars = bars;
    }

    DecisionRequest completed(DecisionRequest request) {
        Set<String> symbols = request.instruments().stream().map(Instrument::symbol).collect(Collectors.toSet());
        String accountId = request.account().accountId();

        List<TradingControl> controls = new ArrayList<>(request.context().tradingControls());
        for (TradingControl control : tradingStates.inForce()) {
            boolean applies = switch (control.scope()) {
                case GLOBAL -> true;
                case ACCOUNT -> control.target().equals(accountId);
                case INSTRUMENT -> symbols.contains(control.target());
            };
            if (applies && !controls.contains(control)) {
                controls.add(control);
            }
        }
        List<Position> positions = request.positions().isEmpty()
                ? fills.positions(accountId).stream().filter(p -> symbols.contains(p.symbol())).toList()
                : request.positions();
        List<MarketSeries> marketData = new ArrayList<>(request.marketData());
        Set<String> withData = marketData.stream().map(MarketSeries::symbol).collect(Collectors.toSet());
        symbols.stream().sorted().filter(s -> !withData.contains(s))
                .map(bars::recent).flatMap(Optional::stream).forEach(marketData::add);

        if (controls.size() == request.context().tradingControls().size() && positions == request.positions()
                && marketData.size() == request.marketData().size()) {
            return request;
        }
        RiskContext c = request.context();
        RiskContext context = new RiskContext(controls, c.restrictions(), c.modelHealth(), c.regimes(), c.anomalies(),
                c.activity(), c.lossHistory(), c.margin(), c.killSwitch());
        return new DecisionRequest(request.requestId(), request.asOf(), request.account(), positions,
                request.openOrders(), request.instruments(), marketData, request.predictions(), request.intents(), context);
    }
}
