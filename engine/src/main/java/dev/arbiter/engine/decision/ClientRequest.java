package dev.arbiter.engine.decision;

import dev.arbiter.kb.InvalidFactException;
import dev.arbiter.kb.Require;
import dev.arbiter.kb.fact.Instrument;
import dev.arbiter.kb.fact.OpenOrder;
import dev.arbiter.kb.fact.OrderIntent;
import dev.arbiter.kb.fact.Position;
import dev.arbiter.kb.fact.Prediction;
import dev.arbiter.kb.fact.TradingState;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A decision or check request as a trading system sends it: the account and its intents, optionally predictions made
 * elsewhere, registered models to run, and a newer market snapshot. The engine completes it from its own state
 * ({@code dev.arbiter.engine.state.EngineDecisions}). Account figures, positions, open orders and instrument terms a
 * client still sends are claims: compared with the engine's, never obeyed.
 *
 * @param account     the account id, and optionally the client's claimed figures
 * @param positions   the client's claimed positions, if any
 * @param openOrders  the client's claimed working orders, if any
 * @param instruments the client's claimed instrument terms, if any
 * @param marketData  bars newer than the engine's (appended to its market journal first), and quotes, a book
 *                    snapshot or trades for this decision
 * @param context     refused when it holds anything: that state is the engine's own now
 */
public record ClientRequest(String requestId, Instant asOf, ClaimedAccount account, List<Position> positions,
                            List<OpenOrder> openOrders, List<Instrument> instruments, List<MarketSeries> marketData,
                            List<Prediction> predictions, List<ModelChoice> models, List<OrderIntent> intents,
                            Map<String, Object> context) {

    /** Longest request id accepted. */
    public static final int MAX_ID_LENGTH = 128;

    /** Where each part of the old {@code context} comes from now. */
    static final Map<String, String> CONTEXT_NOW = contextNow();

    /** The account a request is for, and what the client claims about it. */
    public record ClaimedAccount(String accountId, BigDecimal equity, BigDecimal freeBalance, BigDecimal highWaterMark,
                                 BigDecimal dailyPnl, TradingState state) {

        public ClaimedAccount {
            try {
                Require.identifier("account", "accountId", accountId);
            } catch (InvalidFactException e) {
                // relative to the account: read from JSON, the reader puts it under "account"
                throw new InvalidRequestException("accountId", String.valueOf(accountId),
                        "an account id of letters, digits and . _ : / - (1 to 64 characters)");
            }
        }
    }

    public ClientRequest {
        positions = orEmpty("positions", positions);
        openOrders = orEmpty("openOrders", openOrders);
        instruments = orEmpty("instruments", instruments);
        marketData = orEmpty("marketData", marketData);
        predictions = orEmpty("predictions", predictions);
        models = orEmpty("models", models);
        intents = intents == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(intents));
        if (requestId == null || requestId.isBlank() || requestId.length() > MAX_ID_LENGTH) {
            throw new InvalidRequestException("requestId", requestId == null ? "null"
                    : requestId.length() > MAX_ID_LENGTH ? requestId.length() + " characters" : "'" + requestId + "'",
                    "a non-blank id of at most " + MAX_ID_LENGTH + " characters");
        }
        if (asOf == null) {
            throw new InvalidRequestException("asOf", "null", "an ISO-8601 UTC time such as 2023-03-15T18:20:30Z");
        }
        if (account == null) {
            throw new InvalidRequestException("account", "null", "{\"accountId\": \"...\"}");
        }
        if (context != null) {
            for (String field : context.keySet()) {
                String now = CONTEXT_NOW.get(field);
                throw new InvalidRequestException("context." + field, "sent by the client", now == null
                        ? "no context: the engine keeps the state the controls need"
                        : "no such field: " + now);
            }
        }
        Set<String> intentIds = new HashSet<>();
        for (int i = 0; i < intents.size(); i++) {
            OrderIntent intent = intents.get(i);
            if (intent == null) {
                throw new InvalidRequestException("intents[" + i + "]", "null", "an order intent as docs/api.md describes it");
            }
            if (!account.accountId().equals(intent.accountId())) {
                throw new InvalidRequestException("intents[" + i + "].accountId", "'" + intent.accountId() + "'",
                        "the request's account '" + account.accountId() + "'");
            }
            if (!intentIds.add(intent.intentId())) {
                throw new InvalidRequestException("intents[" + i + "].intentId", "'" + intent.intentId() + "'",
                        "an id used once per request");
            }
        }
    }

    public String accountId() {
        return account.accountId();
    }

    private static Map<String, String> contextNow() {
        Map<String, String> now = new LinkedHashMap<>();
        now.put("tradingControls", "trading states come from officers' actions (POST /v1/trading-state)");
        now.put("killSwitch", "the kill switch comes from officers' actions (POST /v1/kill-switch)");
        now.put("restrictions", "restricted lists come from the knowledge base of the active rule pack");
        now.put("modelHealth", "the engine monitors the models it runs");
        now.put("regimes", "the engine detects regimes from the market data it keeps (POST /v1/market/bars)");
        now.put("anomalies", "the engine detects anomalies from the market data it keeps (POST /v1/market/bars)");
        now.put("activity", "the engine counts orders and messages from its decisions and the order reports");
        now.put("lossHistory", "the engine computes losses from the positions it saw closed (POST /v1/fills)");
        now.put("margin", "the engine computes margin from its positions and the limits");
        return Map.copyOf(now);
    }

    /** The list, or an empty one; a null entry is refused naming it (the engine would fail on it later). */
    private static <T> List<T> orEmpty(String field, List<T> list) {
        if (list == null) {
            return List.of();
        }
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == null) {
                throw new InvalidRequestException(field + "[" + i + "]", "null", "an entry as docs/api.md describes it");
            }
        }
        return List.copyOf(list);
    }
}
