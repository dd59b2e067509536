package dev.arbiter.engine.state;

import dev.arbiter.kb.fact.MarginMode;
import dev.arbiter.kb.state.AccountState;
import dev.arbiter.kb.state.OrderStatus;
import dev.arbiter.kb.state.PositionState;
import dev.arbiter.kb.state.WorkingOrder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** What an event must satisfy against the account's state before it is journaled. */
final class EventChecks {

    private EventChecks() {
    }

    static void check(AccountState state, AccountEvent event) {
        if (event.at() == null) {
            throw new InvalidEventException("at", "null", "an ISO-8601 UTC time");
        }
        switch (event) {
            case AccountEvent.Opened e -> {
                if (state.opened()) {
                    throw new InvalidEventException("accountId", "'" + e.accountId() + "'", "an account without an opening"
                            + " balance (it was opened before; move cash with a transfer: POST /v1/accounts/{id}/transfers)");
                }
                nonNegative("cash", e.cash());
                if (e.highWaterMark() != null && e.highWaterMark().compareTo(e.cash()) < 0) {
                    throw new InvalidEventException("highWaterMark", e.highWaterMark().toPlainString(),
                            "a number >= the opening cash " + e.cash().toPlainString() + ", or none");
                }
            }
            case AccountEvent.Transferred e -> {
                requireOpened(state);
                if (e.amount() == null || e.amount().signum() == 0) {
                    throw new InvalidEventException("amount", String.valueOf(e.amount()),
                            "a non-zero amount: positive for a deposit, negative for a withdrawal");
                }
                if (e.amount().signum() < 0 && e.amount().negate().compareTo(state.freeBalance()) > 0) {
                    throw new InvalidEventException("amount", e.amount().toPlainString(), "a withdrawal of at most the free"
                            + " balance " + state.freeBalance().stripTrailingZeros().toPlainString());
                }
            }
            case AccountEvent.Filled e -> {
                positive("quantity", e.quantity());
                positive("price", e.price());
                nonNegative("fee", e.fee());
                if (e.side() == null) {
                    throw new InvalidEventException("side", "null", "BUY or SELL");
                }
                state.workingOrder(e.orderId() == null ? "" : e.orderId()).ifPresent(order -> {
                    if (!order.symbol().equals(e.symbol()) || order.side() != e.side()) {
                        throw new InvalidEventException("orderId", "'" + e.orderId() + "'", "a fill of the order's own symbol"
                                + " and side (" + order.symbol() + " " + order.side() + ")");
                    }
                });
            }
            case AccountEvent.Funded e -> {
                requireOpened(state);
                if (e.amount() == null) {
                    throw new InvalidEventException("amount", "null", "the funding received (positive) or paid (negative)");
                }
                if (e.symbol() == null || e.symbol().isBlank()) {
                    throw new InvalidEventException("symbol", String.valueOf(e.symbol()), "the perpetual's symbol");
                }
            }
            case AccountEvent.MarginModeSet e -> marginMode(state, e);
            case AccountEvent.OrderReported e -> {
                if (e.status() == null || e.status() == OrderStatus.APPROVED || e.status() == OrderStatus.EXPIRED
                        || e.status() == OrderStatus.FILLED || e.status() == OrderStatus.PARTIALLY_FILLED) {
                    throw new InvalidEventException("status", String.valueOf(e.status()),
                            "one of [ACKNOWLEDGED, CANCELLED, REJECTED] (fills are reported to POST /v1/fills)");
                }
                if (state.workingOrder(e.orderId()).isEmpty()) {
                    throw new InvalidEventException("orderId", "'" + e.orderId() + "'", "an order the engine approved that is"
                            + " still working " + state.workingOrders().stream().map(o -> o.orderId()).toList());
                }
            }
            default -> { }
        }
    }

    /** Like the venue: a position's margin cannot change under it, nor under the orders that would open one. */
    private static void marginMode(AccountState state, AccountEvent.MarginModeSet e) {
        requireOpened(state);
        if (e.symbol() == null || e.symbol().isBlank()) {
            throw new InvalidEventException("symbol", String.valueOf(e.symbol()), "the perpetual's symbol");
        }
        if (e.mode() == null) {
            throw new InvalidEventException("mode", "null", "one of " + List.of(MarginMode.values()));
        }
        MarginMode now = state.marginMode(e.symbol());
        if (e.mode() == now) {
            return; // already so: accepted, nothing changes
        }
        BigDecimal held = state.position(e.symbol()).map(PositionState::quantity).orElse(BigDecimal.ZERO);
        List<String> working = state.workingOrders().stream().filter(o -> o.symbol().equals(e.symbol()))
                .map(WorkingOrder::orderId).toList();
        List<String> inTheWay = new ArrayList<>();
        if (held.signum() != 0) {
            inTheWay.add("holds " + held.stripTrailingZeros().toPlainString());
        }
        if (!working.isEmpty()) {
            inTheWay.add("works orders " + working);
        }
        if (!inTheWay.isEmpty()) {
            throw new InvalidEventException("mode", e.mode().name(), now + ", the mode " + e.symbol() + " has now: it"
                    + " changes only while the account holds no position and works no orders there (it "
                    + String.join(" and ", inTheWay) + ")");
        }
    }

    private static void requireOpened(AccountState state) {
        if (!state.opened()) {
            throw new InvalidEventException("accountId", "'" + state.accountId() + "'",
                    "an account with an opening balance (PUT /v1/accounts/{id} first)");
        }
    }

    private static void positive(String field, BigDecimal value) {
        if (value == null || value.signum() <= 0) {
            throw new InvalidEventException(field, String.valueOf(value), "a number > 0");
        }
    }

    private static void nonNegative(String field, BigDecimal value) {
        if (value == null || value.signum() < 0) {
            throw new InvalidEventException(field, String.valueOf(value), "a number >= 0");
        }
    }
}
