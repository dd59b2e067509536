package dev.arbiter.engine.service.store;

import dev.arbiter.kb.fact.Position;
import dev.arbiter.kb.fact.Side;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Fills, and the positions they move: each fill and its position change commit together. */
public final class FillStore {

    /** One execution reported by the trading system. */
    /** @param fee what the venue charged, in the account's currency; null means none */
    public record Fill(String fillId, String accountId, String symbol, Side side, BigDecimal quantity,
                       BigDecimal price, Instant filledAt, BigDecimal fee) {

        public Fill {
            fee = fee == null ? BigDecimal.ZERO : fee;
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public FillStore(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * Stores the fill and moves the account's position.
     *
     * @return false when a fill with this id is already stored (nothing changes)
     */
    public synchronized boolean record(Fill fill) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            Integer known = jdbc.queryForObject("select count(*) from fill where fill_id = ?", Integer.class, fill.fillId());
            if (known != null && known > 0) {
                return false;
            }
            jdbc.update("insert into fill (fill_id, account_id, symbol, side, quantity, price, filled_at, fee)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?)", fill.fillId(), fill.accountId(), fill.symbol(),
                    fill.side().name(), fill.quantity(), fill.price(), fill.filledAt().toString(), fill.fee());
            // balances move only for accounts whose balances were set (AccountStore); others are the client's
            BigDecimal value = fill.quantity().multiply(fill.price());
            BigDecimal cash = (fill.side() == Side.BUY ? value.negate() : value).subtract(fill.fee());
            jdbc.update("update account_state set free_balance = free_balance + ?, equity = equity - ?,"
                    + " daily_pnl = daily_pnl - ? where account_id = ?", cash, fill.fee(), fill.fee(), fill.accountId());
            BigDecimal signed = fill.side() == Side.BUY ? fill.quantity() : fill.quantity().negate();
            List<BigDecimal[]> held = jdbc.query("select quantity, average_price from account_position where account_id = ? and symbol = ?",
                    (rs, n) -> new BigDecimal[] {rs.getBigDecimal(1), rs.getBigDecimal(2)}, fill.accountId(), fill.symbol());
            if (held.isEmpty()) {
                jdbc.update("insert into account_position (account_id, symbol, quantity, average_price) values (?, ?, ?, ?)",
                        fill.accountId(), fill.symbol(), signed, fill.price());
            } else {
                BigDecimal quantity = held.getFirst()[0];
                BigDecimal average = held.getFirst()[1];
                BigDecimal after = quantity.add(signed);
                BigDecimal newAverage;
                if (quantity.signum() == 0 || after.signum() != 0 && after.signum() != quantity.signum()) {
                    newAverage = fill.price(); // opened, or flipped sides: the new position's price
                } else if (signed.signum() == quantity.signum()) {
                    newAverage = average.multiply(quantity).add(fill.price().multiply(signed))
                            .divide(after, MathContext.DECIMAL64); // added to: volume-weighted average
                } else {
                    newAverage = average; // reduced: the remaining position keeps its price
                }
                jdbc.update("update account_position set quantity = ?, average_price = ? where account_id = ? and symbol = ?",
                        after, newAverage, fill.accountId(), fill.symbol());
            }
            return true;
        }));
    }

    /** The account's open positions (flat ones left out). */
    public List<Position> positions(String accountId) {
        return jdbc.query("select symbol, quantity, average_price from account_position where account_id = ?"
                        + " and quantity <> 0 order by symbol",
                (rs, n) -> new Position(accountId, rs.getString(1), rs.getBigDecimal(2).stripTrailingZeros(),
                        rs.getBigDecimal(3).stripTrailingZeros()), accountId);
    }
}
