package dev.arbiter.engine.state;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.arbiter.kb.fact.MarginMode;
import dev.arbiter.kb.fact.ReconciliationBreak;
import dev.arbiter.kb.fact.Side;
import dev.arbiter.kb.state.OrderStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Everything that changes an account's state, as its journal keeps it. Events are validated before they are
 * appended and are applied in journal order by {@link AccountBook}; the state is their fold.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = AccountEvent.Opened.class, name = "OPENED"),
        @JsonSubTypes.Type(value = AccountEvent.Transferred.class, name = "TRANSFERRED"),
        @JsonSubTypes.Type(value = AccountEvent.Filled.class, name = "FILLED"),
        @JsonSubTypes.Type(value = AccountEvent.Funded.class, name = "FUNDED"),
        @JsonSubTypes.Type(value = AccountEvent.MarginModeSet.class, name = "MARGIN_MODE_SET"),
        @JsonSubTypes.Type(value = AccountEvent.OrderReported.class, name = "ORDER_REPORTED"),
        @JsonSubTypes.Type(value = AccountEvent.Marked.class, name = "MARKED"),
        @JsonSubTypes.Type(value = AccountEvent.OfficerActed.class, name = "OFFICER_ACTED"),
        @JsonSubTypes.Type(value = AccountEvent.DayRolled.class, name = "DAY_ROLLED"),
        @JsonSubTypes.Type(value = AccountEvent.OrderExpired.class, name = "ORDER_EXPIRED"),
        @JsonSubTypes.Type(value = AccountEvent.Decided.class, name = "DECIDED"),
        @JsonSubTypes.Type(value = AccountEvent.Reconciled.class, name = "RECONCILED")})
public sealed interface AccountEvent {

    String accountId();

    /** When it happened, as its source says (the engine never reads the clock to fold). */
    Instant at();

    /** The opening balance: cash, and optionally a high-water mark above it carried over from elsewhere. */
    record Opened(String accountId, Instant at, BigDecimal cash, BigDecimal highWaterMark) implements AccountEvent {
    }

    /** A deposit (positive) or withdrawal (negative): moves cash and the high-water mark, not the day's P&amp;L. */
    record Transferred(String accountId, Instant at, String transferId, BigDecimal amount) implements AccountEvent {
    }

    /**
     * An execution. {@code orderId} names the engine-approved order it fills; a fill for no working order (a manual
     * trade, a liquidation) is booked all the same and flagged {@code unsolicited}.
     *
     * @param stopLoss the trading system reports that its protective stop triggered the fill
     */
    record Filled(String accountId, Instant at, String fillId, String orderId, String symbol, Side side,
                  BigDecimal quantity, BigDecimal price, BigDecimal fee, boolean stopLoss, boolean unsolicited)
            implements AccountEvent {
    }

    /**
     * A perpetual's funding exchanged at one funding time: profit or loss of holding the position, so it moves cash
     * and the day's P&amp;L (not a transfer).
     *
     * @param fundingId the venue's id of the exchange, one per instrument and funding time
     * @param amount    received (positive) or paid (negative)
     */
    record Funded(String accountId, Instant at, String fundingId, String symbol, BigDecimal amount)
            implements AccountEvent {
    }

    /**
     * How the account margins its position in one perpetual from now on: cross (the account's whole balance backs it)
     * or isolated (only the margin set aside for it). Like the venue, it changes only while the account holds no
     * position and works no orders in the instrument.
     */
    record MarginModeSet(String accountId, Instant at, String symbol, MarginMode mode) implements AccountEvent {
    }

    /** The trading system's report of an order's status: acknowledged, cancelled, rejected (fills come as {@link Filled}). */
    record OrderReported(String accountId, Instant at, String orderId, OrderStatus status, String reason)
            implements AccountEvent {
    }

    /** A new market price of an instrument the account holds or works orders in (fanned out from a bar). */
    record Marked(String accountId, Instant at, String symbol, BigDecimal price) implements AccountEvent {
    }

    /** An officer's action on the account: halt, reduce-only, resume, engage or release its kill switch. */
    record OfficerActed(String accountId, Instant at, OfficerAction action, String by, String reason)
            implements AccountEvent {
    }

    /** A new trading day began at {@code dayStart}: the day's P&amp;L counts from the equity at this event. */
    record DayRolled(String accountId, Instant at, Instant dayStart) implements AccountEvent {
    }

    /** An approved order the trading system did not report within the time in force. */
    record OrderExpired(String accountId, Instant at, String orderId) implements AccountEvent {
    }

    /** A decision or check: the orders it approved become working orders and count towards the rate limits. */
    record Decided(String accountId, Instant at, String decisionId, List<ApprovedOrder> orders) implements AccountEvent {

        public Decided {
            orders = List.copyOf(orders);
        }
    }

    /** An order a decision approved, with the id the trading system reports it under. */
    record ApprovedOrder(String orderId, String symbol, Side side, BigDecimal quantity, BigDecimal price,
                         BigDecimal stopLoss) {
    }

    /**
     * What a client claimed about the account, compared with the engine's figures: recorded, never obeyed.
     *
     * @param source where the claim came from: a decision request, or the venue's own snapshot
     */
    record Reconciled(String accountId, Instant at, String source, List<ReconciliationBreak> breaks)
            implements AccountEvent {

        public Reconciled {
            breaks = List.copyOf(breaks);
        }
    }
}
