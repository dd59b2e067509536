package dev.arbiter.engine.service.store;

import dev.arbiter.kb.fact.Account;
import dev.arbiter.kb.fact.TradingState;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Accounts' balances as a trading system last set them, moved since by every fill ({@link FillStore}): a buy
 * spends its value and fee from the free balance, a sell adds its value less the fee; equity and the day's
 * P&amp;L lose the fee (a fill at its price turns cash into position, or back, at the same value).
 */
public final class AccountStore {

    private final JdbcTemplate jdbc;

    public AccountStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Sets an account's balances and state, replacing what was kept. */
    public synchronized void set(Account account, Instant at) {
        int updated = jdbc.update("update account_state set equity = ?, free_balance = ?, high_water_mark = ?,"
                        + " daily_pnl = ?, state = ?, updated_at = ? where account_id = ?", account.equity(),
                account.freeBalance(), account.highWaterMark(), account.dailyPnl(), account.state().name(),
                at.toString(), account.accountId());
        if (updated == 0) {
            jdbc.update("insert into account_state (account_id, equity, free_balance, high_water_mark, daily_pnl, state,"
                            + " updated_at) values (?, ?, ?, ?, ?, ?, ?)", account.accountId(), account.equity(),
                    account.freeBalance(), account.highWaterMark(), account.dailyPnl(), account.state().name(),
                    at.toString());
        }
    }

    public Optional<Account> find(String accountId) {
        return jdbc.query("select * from account_state where account_id = ?", (rs, n) -> new Account(
                rs.getString("account_id"), rs.getBigDecimal("equity").stripTrailingZeros(),
                rs.getBigDecimal("free_balance").stripTrailingZeros(),
                rs.getBigDecimal("high_water_mark").stripTrailingZeros(),
                rs.getBigDecimal("daily_pnl").stripTrailingZeros(), TradingState.valueOf(rs.getString("state"))),
                accountId).stream().findFirst();
    }
}
