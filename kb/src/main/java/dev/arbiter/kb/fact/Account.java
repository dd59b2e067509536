package dev.arbiter.kb.fact;

import static dev.arbiter.kb.Require.identifier;
import static dev.arbiter.kb.Require.nonNegative;
import static dev.arbiter.kb.Require.present;

import dev.arbiter.kb.InvalidFactException;
import java.math.BigDecimal;

/**
 * A trading account's state at decision time.
 *
 * @param equity        account value marked to market
 * @param freeBalance   cash available for new orders, before the open orders' reservations
 * @param highWaterMark highest equity reached (drawdown is measured from it)
 * @param dailyPnl      profit or loss since the start of the trading day (negative for a loss)
 * @param state         the account's trading state
 */
public record Account(String accountId, BigDecimal equity, BigDecimal freeBalance, BigDecimal highWaterMark,
                      BigDecimal dailyPnl, TradingState state) {

    public Account {
        identifier("Account", "accountId", accountId);
        nonNegative("Account", "equity", equity);
        nonNegative("Account", "freeBalance", freeBalance);
        nonNegative("Account", "highWaterMark", highWaterMark);
        present("Account", "dailyPnl", dailyPnl);
        present("Account", "state", state);
        if (highWaterMark.compareTo(equity) < 0) {
            throw new InvalidFactException("Account", "highWaterMark", highWaterMark,
                    "a number >= equity (" + equity.toPlainString() + ")");
        }
    }
}
