package dev.arbiter.engine.service;

import dev.arbiter.engine.json.ArbiterJson;
import dev.arbiter.engine.service.store.AccountStore;
import dev.arbiter.engine.service.store.BarStore;
import dev.arbiter.engine.service.store.FillStore;
import dev.arbiter.engine.service.store.TradingStateStore;
import dev.arbiter.kb.fact.Position;
import dev.arbiter.kb.fact.TradingControl;
import dev.arbiter.kb.fact.TradingState;
import dev.arbiter.kb.outcome.HaltScope;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Completes a request, before it is read, with what the service keeps: trading states in force always
 * apply (a request cannot talk its way past a halt: an account halt sets the account's state to
 * HALTED); stored positions and bars are used when the request carries none. The completed request is
 * what the pipeline sees and what the trace keeps, so a replay needs nothing else.
 */
final class StoredState {

    private final TradingStateStore tradingStates;
    private final FillStore fills;
    private final BarStore bars;
    private final AccountStore accounts;

    StoredState(TradingStateStore tradingStates, FillStore fills, BarStore bars, AccountStore accounts) {
        this.tradingStates = tradingStates;
        this.fills = fills;
        this.bars = bars;
        this.accounts = accounts;
    }

    /** Completes {@code request} in place; a request too malformed to complete is left for the reader to refuse. */
    void complete(ObjectNode request) {
        if (!(request.get("account") instanceof ObjectNode account) || !account.path("accountId").isString()) {
            return;
        }
        String accountId = account.path("accountId").asString();
        if (!account.has("equity")) { // only the id: the balances the service keeps, as fills moved them
            accounts.find(accountId).ifPresent(stored -> ArbiterJson.mapper().valueToTree(stored).properties()
                    .forEach(field -> account.putIfAbsent(field.getKey(), field.getValue())));
        }
        Set<String> symbols = new TreeSet<>();
        request.path("instruments").forEach(i -> {
            if (i.path("symbol").isString()) {
                symbols.add(i.path("symbol").asString());
            }
        });

        List<TradingControl> controls = tradingStates.inForce().stream().filter(c -> switch (c.scope()) {
            case GLOBAL -> true;
            case ACCOUNT -> c.target().equals(accountId);
            case INSTRUMENT -> symbols.contains(c.target());
        }).toList();
        if (!controls.isEmpty()) {
            if (!(request.get("context") instanceof ObjectNode)) {
                request.set("context", request.objectNode());
            }
            ArrayNode known = ((ObjectNode) request.get("context")).withArray("tradingControls");
            for (TradingControl control : controls) {
                JsonNode node = ArbiterJson.mapper().valueToTree(control);
                if (!contains(known, node)) {
                    known.add(node);
                }
                if (control.scope() == HaltScope.ACCOUNT && control.state() == TradingState.HALTED) {
                    account.put("state", TradingState.HALTED.name());
                }
            }
        }
        if (isEmpty(request.get("positions"))) {
            List<Position> held = fills.positions(accountId).stream().filter(p -> symbols.contains(p.symbol())).toList();
            if (!held.isEmpty()) {
                request.set("positions", ArbiterJson.mapper().valueToTree(held));
            }
        }
        Set<String> withData = new HashSet<>();
        request.path("marketData").forEach(m -> withData.add(m.path("symbol").asString("")));
        for (String symbol : symbols) {
            if (!withData.contains(symbol)) {
                bars.recent(symbol).ifPresent(series -> request.withArray("marketData")
                        .add(ArbiterJson.mapper().valueToTree(series)));
            }
        }
    }

    private static boolean isEmpty(JsonNode node) {
        return node == null || node.isNull() || node.isArray() && node.isEmpty();
    }

    private static boolean contains(ArrayNode array, JsonNode node) {
        for (JsonNode item : array) {
            if (item.equals(node)) {
                return true;
            }
        }
        return false;
    }
}
