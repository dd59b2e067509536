package dev.arbiter.engine.json;

import dev.arbiter.engine.decision.InvalidRequestException;
import dev.arbiter.engine.state.AccountEvent;
import dev.arbiter.kb.fact.Side;
import dev.arbiter.kb.state.AccountState;
import dev.arbiter.rules.pack.InstrumentSet;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * The bodies trading systems send to move an account (an opening balance, fills), as the service's endpoints and the
 * command line read them, and the events they become. One definition for both, so a file that works with
 * {@code arbiter decide} works posted to the service.
 */
public final class EventBodies {

    /** What the opening-balance body looks like, for error messages. */
    public static final String OPENING = "{\"accountId\", \"cash\" (or \"equity\"), \"highWaterMark\" (optional), \"at\" (optional)}";

    /** What a fills body looks like, for error messages. */
    public static final String FILLS = "{\"fills\": [ {fillId, accountId, orderId (optional), symbol, side, quantity,"
            + " price, filledAt, fee (optional), stopLoss (optional)} ]}";

    private EventBodies() {
    }

    /**
     * The opening balance: cash (or equity, the same for an account that holds nothing yet). The figures the engine
     * keeps itself are refused when they claim anything but what an opening implies.
     */
    public record Opening(String accountId, BigDecimal cash, BigDecimal equity, BigDecimal highWaterMark, Instant at,
                          BigDecimal freeBalance, BigDecimal dailyPnl, String state) {

        /** The event it becomes, for {@code accountId} (the path's), at {@code at} or {@code now}. */
        public AccountEvent.Opened toEvent(String accountId, Instant now) {
            if (this.accountId != null && !accountId.equals(this.accountId)) {
                throw new InvalidRequestException("accountId", "'" + this.accountId + "'",
                        "the account in the path, '" + accountId + "'");
            }
            BigDecimal opening = openingCash();
            if (freeBalance != null && freeBalance.compareTo(opening) != 0) {
                throw new InvalidRequestException("freeBalance", freeBalance.toPlainString(), "no freeBalance: the"
                        + " engine holds it back from cash for the working orders it approved");
            }
            if (dailyPnl != null && dailyPnl.signum() != 0) {
                throw new InvalidRequestException("dailyPnl", dailyPnl.toPlainString(),
                        "no dailyPnl: the engine counts the day's P&L from its own marks and fills");
            }
            if (state != null && !"ACTIVE".equals(state)) {
                throw new InvalidRequestException("state", state,
                        "no state: trading states come from officers' actions (POST /v1/trading-state)");
            }
            return new AccountEvent.Opened(accountId, at == null ? now : at, opening, highWaterMark);
        }

        private BigDecimal openingCash() {
            if (cash != null && equity != null && cash.compareTo(equity) != 0) {
                throw new InvalidRequestException("equity", equity.toPlainString(),
                        "the same amount as cash, or only one of the two (an opening account holds only cash)");
            }
            BigDecimal opening = cash != null ? cash : equity;
            if (opening == null) {
                throw new InvalidRequestException("cash", "missing", "the opening cash, a number >= 0");
            }
            return opening;
        }
    }

    /**
     * One execution as the trading system reports it.
     *
     * @param orderId  the engine-approved order it fills ({@code <decisionId>/<proposalId>}), or none
     * @param stopLoss whether the position's protective stop triggered it
     */
    public record Fill(String fillId, String accountId, String orderId, String symbol, Side side, BigDecimal quantity,
                       BigDecimal price, Instant filledAt, BigDecimal fee, Boolean stopLoss) {

        /**
         * The fill, checked field by field, as an event.
         *
         * @param path        where it sits in its body, e.g. {@code fills[0]}
         * @param accounts    the engine's state of each account: a fill of no order the engine approved that is still
         *                    working is booked all the same and flagged unsolicited
         */
        public AccountEvent.Filled toEvent(String path, InstrumentSet instruments,
                                           Function<String, AccountState> accounts) {
            id(path + ".fillId", fillId);
            id(path + ".accountId", accountId);
            if (orderId != null) {
                id(path + ".orderId", orderId);
            }
            id(path + ".symbol", symbol);
            if (instruments.find(symbol).isEmpty()) {
                throw new InvalidRequestException(path + ".symbol", "'" + symbol + "'", "a listed instrument "
                        + instruments.symbols());
            }
            if (side == null) {
                throw new InvalidRequestException(path + ".side", "null", "one of " + List.of(Side.values()));
            }
            positive(path + ".quantity", quantity);
            positive(path + ".price", price);
            if (fee != null && fee.signum() < 0) {
                throw new InvalidRequestException(path + ".fee", fee.toPlainString(), "a number >= 0 (or no fee)");
            }
            if (filledAt == null) {
                throw new InvalidRequestException(path + ".filledAt", "null", "an ISO-8601 UTC time such as 2023-03-15T13:35:30Z");
            }
            boolean solicited = orderId != null && accounts.apply(accountId).workingOrder(orderId).isPresent();
            return new AccountEvent.Filled(accountId, filledAt, fillId, orderId, symbol, side, quantity, price,
                    fee == null ? BigDecimal.ZERO : fee, Boolean.TRUE.equals(stopLoss), !solicited);
        }

        /** The idempotency key the journal keeps the fill under. */
        public String key() {
            return "fill:" + fillId;
        }
    }

    /** A fills body. */
    public record Fills(List<Fill> fills) {
    }

    public static String id(String field, String value) {
        if (value == null || value.isBlank() || value.length() > 200) {
            throw new InvalidRequestException(field, String.valueOf(value), "1 to 200 characters");
        }
        return value;
    }

    private static void positive(String field, BigDecimal value) {
        if (value == null || value.signum() <= 0) {
            throw new InvalidRequestException(field, String.valueOf(value), "a number > 0");
        }
    }
}
