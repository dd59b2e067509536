package dev.arbiter.engine.decision;

import dev.arbiter.kb.InvalidFactException;
import dev.arbiter.kb.fact.Account;
import dev.arbiter.kb.fact.Instrument;
import dev.arbiter.kb.fact.MarkPrice;
import dev.arbiter.kb.fact.OpenOrder;
import dev.arbiter.kb.fact.OrderIntent;
import dev.arbiter.kb.fact.Position;
import dev.arbiter.kb.fact.Prediction;
import dev.arbiter.mlbridge.predict.ExternalPredictions;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything one decision is made from, as a trading system sends it. The request is kept whole in
 * the decision's trace, so the decision can be replayed from it.
 *
 * @param requestId   the client's id for this request
 * @param asOf        the decision time; market-data age is measured against it (the engine never reads the clock)
 * @param account     the account's state
 * @param positions   the account's open positions
 * @param openOrders  the account's working orders
 * @param instruments reference data for every symbol the request mentions
 * @param marketData  recent bars per instrument, oldest first
 * @param predictions model predictions made elsewhere, if any: each checked for its model id format,
 *                    a time not after {@code asOf} and at most a day before it, and once per symbol and model
 * @param models      registered models the engine runs on the request's bars, if any: each on a symbol with
 *                    bars, once per symbol and model, and not for a symbol and model the client already sent a
 *                    prediction of (see {@link ModelRunner})
 * @param intents     the orders the client wants to send
 * @param context     state the controls need beyond one request (trading states, model health, order activity,
 *                    losses, margin, the kill switch, margin modes): the engine's own, from its state
 * @param market      what the engine's market streams worked out at their latest bars (indicators, regimes,
 *                    anomalies); when empty, it is worked out from {@code marketData} by the same streams
 * @param state       the journal position and hash of the account state the engine completed this request from,
 *                    and the client's claims that did not reconcile; null for a request decided on its own figures
 *                    (rule tests, benchmarks)
 * @param markPrices  the venues' latest mark prices and funding rates of the request's perpetuals, as the engine's
 *                    market journals keep them; positions are valued at these marks ({@link MarkPrice#valuation})
 */
public record DecisionRequest(String requestId, Instant asOf, Account account, List<Position> positions,
                              List<OpenOrder> openOrders, List<Instrument> instruments, List<MarketSeries> marketData,
                              List<Prediction> predictions, List<RequestedModel> models, List<OrderIntent> intents,
                              RiskContext context, List<MarketView> market, StateAtDecision state,
                              List<MarkPrice> markPrices) {

    /** A request without the venues' marks: positions are valued at their last closes. */
    public DecisionRequest(String requestId, Instant asOf, Account account, List<Position> positions,
                           List<OpenOrder> openOrders, List<Instrument> instruments, List<MarketSeries> marketData,
                           List<Prediction> predictions, List<RequestedModel> models, List<OrderIntent> intents,
                           RiskContext context, List<MarketView> market, StateAtDecision state) {
        this(requestId, asOf, account, positions, openOrders, instruments, marketData, predictions, models, intents,
                context, market, state, List.of());
    }

    /** A request decided on its own figures, its market facts worked out from its bars. */
    public DecisionRequest(String requestId, Instant asOf, Account account, List<Position> positions,
                           List<OpenOrder> openOrders, List<Instrument> instruments, List<MarketSeries> marketData,
                           List<Prediction> predictions, List<RequestedModel> models, List<OrderIntent> intents,
                           RiskContext context) {
        this(requestId, asOf, account, positions, openOrders, instruments, marketData, predictions, models, intents,
                context, List.of(), null);
    }

    /** The same request running {@code runs} instead, its intents acting on {@code actedOn}: a model challenger's. */
    public DecisionRequest withModels(List<RequestedModel> runs, List<OrderIntent> actedOn) {
        return new DecisionRequest(requestId, asOf, account, positions, openOrders, instruments, marketData, predictions,
                runs, actedOn, context, market, state, markPrices);
    }

    /** A request that runs no registered model. */
    public DecisionRequest(String requestId, Instant asOf, Account account, List<Position> positions,
                           List<OpenOrder> openOrders, List<Instrument> instruments, List<MarketSeries> marketData,
                           List<Prediction> predictions, List<OrderIntent> intents, RiskContext context) {
        this(requestId, asOf, account, positions, openOrders, instruments, marketData, predictions, List.of(), intents, context);
    }

    public DecisionRequest {
        context = context == null ? RiskContext.NONE : context;
        positions = orEmpty(positions);
        openOrders = orEmpty(openOrders);
        instruments = orEmpty(instruments);
        marketData = orEmpty(marketData);
        predictions = orEmpty(predictions);
        models = orEmpty(requireEntries("models", models));
        intents = orEmpty(intents);
        market = orEmpty(market);
        markPrices = orEmpty(markPrices);
        if (requestId == null || requestId.isBlank()) {
            throw new InvalidRequestException("requestId", String.valueOf(requestId), "a non-blank id");
        }
        if (asOf == null) {
            throw new InvalidRequestException("asOf", "null", "an ISO-8601 UTC time such as 2023-03-15T18:20:30Z");
        }
        if (account == null) {
            throw new InvalidRequestException("account", "null", "the account's state");
        }
        Set<String> known = new HashSet<>();
        for (int i = 0; i < instruments.size(); i++) {
            if (!known.add(instruments.get(i).symbol())) {
                throw new InvalidRequestException("instruments[" + i + "].symbol", "'" + instruments.get(i).symbol() + "'",
                        "each instrument once");
            }
        }
        Set<String> withData = new HashSet<>();
        for (int i = 0; i < marketData.size(); i++) {
            MarketSeries series = marketData.get(i);
            requireKnown("marketData[" + i + "].symbol", series.symbol(), known);
            if (!withData.add(series.symbol())) {
                throw new InvalidRequestException("marketData[" + i + "].symbol", "'" + series.symbol() + "'",
                        "one series per symbol");
            }
        }
        for (int i = 0; i < market.size(); i++) {
            requireKnown("market[" + i + "].symbol", market.get(i).symbol(), known);
        }
        for (int i = 0; i < markPrices.size(); i++) {
            requireKnown("markPrices[" + i + "].symbol", markPrices.get(i).symbol(), known);
        }
        for (int i = 0; i < positions.size(); i++) {
            requireAccount("positions[" + i + "].accountId", positions.get(i).accountId(), account);
            requireKnown("positions[" + i + "].symbol", positions.get(i).symbol(), known);
        }
        for (int i = 0; i < openOrders.size(); i++) {
            requireAccount("openOrders[" + i + "].accountId", openOrders.get(i).accountId(), account);
            requireKnown("openOrders[" + i + "].symbol", openOrders.get(i).symbol(), known);
        }
        for (int i = 0; i < predictions.size(); i++) {
            requireKnown("predictions[" + i + "].symbol", predictions.get(i).symbol(), known);
        }
        try {
            ExternalPredictions.DEFAULTS.validate(predictions, asOf);
        } catch (InvalidFactException e) {
            throw new InvalidRequestException(e.field(), e.value(), e.accepted());
        }
        requireRunnable(models, predictions, known, withData);
        context.requireConsistent(account, known);
        Set<String> intentIds = new HashSet<>();
        for (int i = 0; i < intents.size(); i++) {
            OrderIntent intent = intents.get(i);
            requireAccount("intents[" + i + "].accountId", intent.accountId(), account);
            requireKnown("intents[" + i + "].symbol", intent.symbol(), known);
            if (!withData.contains(intent.symbol())) {
                throw new InvalidRequestException("intents[" + i + "].symbol", "'" + intent.symbol() + "'",
                        "a symbol with bars in marketData (no decision without a price)");
            }
            if (!intentIds.add(intent.intentId())) {
                throw new InvalidRequestException("intents[" + i + "].intentId", "'" + intent.intentId() + "'",
                        "an id used once per request");
            }
        }
    }

    private static void requireRunnable(List<RequestedModel> models, List<Prediction> predictions, Set<String> known,
                                        Set<String> withData) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < models.size(); i++) {
            RequestedModel run = models.get(i);
            String at = "models[" + i + "]";
            requireKnown(at + ".symbol", run.symbol(), known);
            if (!withData.contains(run.symbol())) {
                throw new InvalidRequestException(at + ".symbol", "'" + run.symbol() + "'",
                        "a symbol with bars in marketData (a model predicts from the request's bars)");
            }
            if (!seen.add(run.symbol() + "|" + run.model())) {
                throw new InvalidRequestException(at + ".model", "'" + run.model() + "'",
                        "each model once per symbol (" + run.symbol() + " names it twice)");
            }
            for (int k = 0; k < predictions.size(); k++) {
                Prediction sent = predictions.get(k);
                if (sent.symbol().equals(run.symbol()) && sent.model().equals(run.model())) {
                    throw new InvalidRequestException(at + ".model", "'" + run.model() + "'",
                            "a model the client sent no prediction of for " + run.symbol() + " (predictions[" + k
                                    + "] already holds one; send the prediction or name the model, not both)");
                }
            }
        }
    }

    private static <T> List<T> requireEntries(String field, List<T> list) {
        for (int i = 0; list != null && i < list.size(); i++) {
            if (list.get(i) == null) {
                throw new InvalidRequestException(field + "[" + i + "]", "null", "an entry as docs/api.md describes it");
            }
        }
        return list;
    }

    private static void requireKnown(String field, String symbol, Set<String> known) {
        if (!known.contains(symbol)) {
            throw new InvalidRequestException(field, "'" + symbol + "'", "a symbol listed in instruments " + known.stream().sorted().toList());
        }
    }

    private static void requireAccount(String field, String accountId, Account account) {
        if (!account.accountId().equals(accountId)) {
            throw new InvalidRequestException(field, "'" + accountId + "'", "the request's account '" + account.accountId() + "'");
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
