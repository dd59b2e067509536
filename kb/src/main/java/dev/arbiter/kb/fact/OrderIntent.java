package dev.arbiter.kb.fact;

import static dev.arbiter.kb.Require.identifier;
import static dev.arbiter.kb.Require.identifiers;
import static dev.arbiter.kb.Require.positive;
import static dev.arbiter.kb.Require.present;
import static dev.arbiter.kb.Require.unitInterval;

import java.math.BigDecimal;
import java.util.List;

/**
 * An order a client's trading system wants to send. It enters the risk layers as a proposal.
 *
 * @param limitPrice the price the client is willing to trade at
 * @param stopLoss   protective stop price, or {@code null} when the client sets none
 * @param strategy   the strategy that produced the intent
 * @param conviction how strongly the client's strategy believes in the trade, 0..1; the solver gives
 *                   capital to higher conviction first
 * @param models     the models whose predictions the client's strategy acted on, sorted; none when it used no
 *                   model (the model layer, L5, then does not gate it unless the limits say so)
 */
public record OrderIntent(String intentId, String accountId, String symbol, Side side, BigDecimal quantity,
                          BigDecimal limitPrice, BigDecimal stopLoss, String strategy,
                          double conviction, List<String> models) {

    public OrderIntent {
        identifier("OrderIntent", "intentId", intentId);
        identifier("OrderIntent", "accountId", accountId);
        identifier("OrderIntent", "symbol", symbol);
        present("OrderIntent", "side", side);
        positive("OrderIntent", "quantity", quantity);
        positive("OrderIntent", "limitPrice", limitPrice);
        if (stopLoss != null) {
            positive("OrderIntent", "stopLoss", stopLoss);
        }
        identifier("OrderIntent", "strategy", strategy);
        unitInterval("OrderIntent", "conviction", conviction);
        models = identifiers("OrderIntent", "models", models);
    }

    /** An intent whose strategy used no model. */
    public OrderIntent(String intentId, String accountId, String symbol, Side side, BigDecimal quantity,
                       BigDecimal limitPrice, BigDecimal stopLoss, String strategy, double conviction) {
        this(intentId, accountId, symbol, side, quantity, limitPrice, stopLoss, strategy, conviction, List.of());
    }
}
