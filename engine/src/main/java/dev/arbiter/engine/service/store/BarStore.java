package dev.arbiter.engine.service.store;

import dev.arbiter.engine.decision.MarketSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** Bars per symbol and period, oldest first; only bars newer than the last stored one are added. */
public final class BarStore {

    /** Bars a decision gets per symbol when its request carries none: enough for every shipped indicator. */
    public static final int RECENT = 300;

    private final JdbcTemplate jdbc;

    public BarStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Open time of the newest stored bar of the series, if any. */
    public Optional<Instant> lastOpenTime(String symbol, Duration period) {
        return jdbc.queryForList("select open_time from bar where symbol = ? and period_seconds = ?", String.class,
                symbol, period.toSeconds()).stream().map(Instant::parse).max(Instant::compareTo);
    }

    public boolean contains(String symbol, Duration period, Instant openTime) {
        Integer n = jdbc.queryForObject("select count(*) from bar where symbol = ? and period_seconds = ? and open_time = ?",
                Integer.class, symbol, period.toSeconds(), openTime.toString());
        return n != null && n > 0;
    }

    /** Adds bars already checked to be valid and newer than {@link #lastOpenTime}, in one transaction. */
    public void add(String symbol, Duration period, List<MarketSeries.Row> rows) {
        jdbc.batchUpdate("insert into bar (symbol, period_seconds, open_time, open_price, high_price, low_price,"
                        + " close_price, volume) values (?, ?, ?, ?, ?, ?, ?, ?)",
                rows.stream().map(r -> new Object[] {symbol, period.toSeconds(), r.openTime().toString(), r.open(),
                        r.high(), r.low(), r.close(), r.volume()}).toList());
    }

    /** The most recent bars of the symbol's most recently fed period, oldest first. */
    public Optional<MarketSeries> recent(String symbol) {
        List<Long> periods = jdbc.queryForList("select distinct period_seconds from bar where symbol = ?", Long.class, symbol);
        Optional<Duration> newest = periods.stream().map(Duration::ofSeconds)
                .max((a, b) -> lastOpenTime(symbol, a).orElseThrow().compareTo(lastOpenTime(symbol, b).orElseThrow()));
        return newest.map(period -> {
            List<MarketSeries.Row> rows = new java.util.ArrayList<>(jdbc.query("select open_time, open_price, high_price,"
                            + " low_price, close_price, volume from bar where symbol = ? and period_seconds = ?",
                    (rs, n) -> new MarketSeries.Row(Instant.parse(rs.getString(1)), rs.getBigDecimal(2).stripTrailingZeros(),
                            rs.getBigDecimal(3).stripTrailingZeros(), rs.getBigDecimal(4).stripTrailingZeros(),
                            rs.getBigDecimal(5).stripTrailingZeros(), rs.getBigDecimal(6).stripTrailingZeros()),
                    symbol, period.toSeconds()));
            rows.sort((a, b) -> a.openTime().compareTo(b.openTime()));
            return new MarketSeries(symbol, period, rows.subList(Math.max(0, rows.size() - RECENT), rows.size()));
        });
    }
}
