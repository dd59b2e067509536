package dev.arbiter.engine.service.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.arbiter.engine.state.AccountEvent;
import dev.arbiter.engine.state.BarEvent;
import dev.arbiter.engine.state.MarkPriceEvent;
import dev.arbiter.engine.state.DeskEvent;
import dev.arbiter.engine.state.ForwardingJournal;
import dev.arbiter.engine.state.Journal;
import dev.arbiter.engine.state.OfficerAction;
import dev.arbiter.engine.state.StateHash;
import dev.arbiter.engine.state.StateSettings;
import dev.arbiter.engine.state.TradingCore;
import dev.arbiter.kb.fact.MarginMode;
import dev.arbiter.kb.fact.MarkPrice;
import dev.arbiter.kb.fact.ReconciliationBreak;
import dev.arbiter.kb.fact.Side;
import dev.arbiter.kb.outcome.HaltScope;
import dev.arbiter.kb.state.AccountState;
import dev.arbiter.kb.state.OrderStatus;
import dev.arbiter.mlbridge.indicators.IndicatorFacts;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database journal's contract, run against a real database by each subclass: what is appended reads back equal
 * after the database is closed and opened again, keys are journaled once, a taken position is refused in words
 * without SQL, and a core restarted on the journal folds to the state it had.
 */
abstract class DatabaseJournalContract {

    private static final Instant AT = Instant.parse("2023-03-15T13:00:00.123456789Z");

    private final List<HikariDataSource> pools = new ArrayList<>();
    private String url;

    /** A new, empty database for one test; its JDBC URL. */
    protected abstract String newDatabase();

    protected abstract String user();

    @BeforeEach
    void migrate() {
        url = newDatabase();
        Flyway.configure().dataSource(url, user(), "").locations("classpath:db/migration").load().migrate();
    }

    @AfterEach
    void closePools() {
        pools.forEach(HikariDataSource::close);
    }

    /** A new pool on the test's database (closing the previous one first closes an embedded H2 database). */
    private JdbcTemplate connect() {
        pools.forEach(HikariDataSource::close);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user());
        config.setPassword("");
        config.setMaximumPoolSize(2);
        HikariDataSource pool = new HikariDataSource(config);
        pools.add(pool);
        return new JdbcTemplate(pool);
    }

    private DatabaseJournal reopened() {
        return new DatabaseJournal(connect());
    }

    /** One of every kind of account event, with exact decimals of every scale and times to the nanosecond. */
    private static List<AccountEvent> everyKind(String account) {
        return List.of(
                new AccountEvent.Opened(account, AT, new BigDecimal("100000.000"), new BigDecimal("1.2E+5")),
                new AccountEvent.Opened(account, AT, new BigDecimal("0"), null),
                new AccountEvent.Transferred(account, AT.plusNanos(1), "t-1", new BigDecimal("-0.000000000000000001")),
                new AccountEvent.Filled(account, AT, "f-1", "dec-1/i-1", "ETH-USD", Side.BUY,
                        new BigDecimal("123456789012345678901234567890.123456789"), new BigDecimal("1709.990"),
                        new BigDecimal("1E+1"), true, false),
                new AccountEvent.Filled(account, AT, "f-2", null, "ETH-USD", Side.SELL, new BigDecimal("0.1"),
                        new BigDecimal("1700"), BigDecimal.ZERO, false, true),
                new AccountEvent.OrderReported(account, AT, "dec-1/i-1", OrderStatus.CANCELLED, "client: \"cancel\" — müde\n"),
                new AccountEvent.OrderReported(account, AT, "dec-1/i-2", OrderStatus.ACKNOWLEDGED, null),
                new AccountEvent.Marked(account, AT, "BTC-USD", new BigDecimal("24500.50")),
                new AccountEvent.Funded(account, AT, "funding-1", "BTC-USDT-PERP", new BigDecimal("-3.4524")),
                new AccountEvent.MarginModeSet(account, AT, "BTC-USDT-PERP", MarginMode.ISOLATED),
                new AccountEvent.OfficerActed(account, AT, OfficerAction.ENGAGE_KILL_SWITCH, "jane", "runaway"),
                new AccountEvent.DayRolled(account, Instant.parse("2023-03-16T00:00:00Z"), Instant.parse("2023-03-16T00:00:00Z")),
                new AccountEvent.OrderExpired(account, AT, "dec-1/i-3"),
                new AccountEvent.Decided(account, AT, "dec-1", List.of(
                        new AccountEvent.ApprovedOrder("dec-1/i-1", "ETH-USD", Side.BUY, new BigDecimal("2"),
                                new BigDecimal("1700.00"), new BigDecimal("1650")),
                        new AccountEvent.ApprovedOrder("dec-1/i-2", "ETH-USD", Side.SELL, new BigDecimal("1"),
                                new BigDecimal("1690"), null))),
                new AccountEvent.Decided(account, AT, "dec-2", List.of()),
                new AccountEvent.Reconciled(account, AT, "decision dec-1",
                        List.of(new ReconciliationBreak(account, "equity", "99000", "100000.00"))));
    }

    @Test
    void everyEventReadsBackEqualAfterTheDatabaseIsReopened() {
        DatabaseJournal journal = reopened();
        List<AccountEvent> events = everyKind("acct-1");
        for (int i = 0; i < events.size(); i++) {
            assertThat(journal.append("acct-1", i + 1, i == 2 ? "t-1" : null, events.get(i))).isTrue();
        }
        BarEvent bar = new BarEvent(JournalScenario.bar("ETH-USD", AT, new BigDecimal("1700.0100")));
        journal.append("ETH-USD", 1, bar);
        MarkPriceEvent mark = new MarkPriceEvent(new MarkPrice("BTC-USDT-PERP", AT, new BigDecimal("7948.50"),
                new BigDecimal("-0.0030"), AT.plusSeconds(8 * 3600)));
        journal.append("BTC-USDT-PERP", 1, new BarEvent(JournalScenario.bar("BTC-USDT-PERP", AT, new BigDecimal("7950"))));
        journal.append("BTC-USDT-PERP", 2, mark);
        DeskEvent halt = new DeskEvent(AT, HaltScope.INSTRUMENT, "ETH-USD", OfficerAction.HALT, "jane", "outage");
        DeskEvent kill = new DeskEvent(AT, HaltScope.GLOBAL, "*", OfficerAction.ENGAGE_KILL_SWITCH, "jane", "drill");
        journal.append(1, halt);
        journal.append(2, kill);

        DatabaseJournal again = reopened();
        assertThat(again.accountEvents("acct-1", 0)).extracting(Journal.Entry::event).containsExactlyElementsOf(events);
        assertThat(again.accountEvents("acct-1", 0)).extracting(Journal.Entry::position)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, events.size()).mapToObj(Long::valueOf).toList());
        assertThat(again.accountEvents("acct-1", 13)).extracting(Journal.Entry::position).containsExactly(14L, 15L, 16L);
        assertThat(again.marketEvents("ETH-USD")).containsExactly(new Journal.Entry<>(1, bar));
        assertThat(again.marketEvents("BTC-USDT-PERP")).extracting(Journal.Entry::event).last().isEqualTo(mark);
        assertThat(again.deskEvents()).containsExactly(new Journal.Entry<>(1, halt), new Journal.Entry<>(2, kill));
        assertThat(again.accounts()).containsExactly("acct-1");
        assertThat(again.symbols()).containsExactly("BTC-USDT-PERP", "ETH-USD");
        // the scale of every decimal, not only its value
        AccountEvent.Filled fill = (AccountEvent.Filled) again.accountEvents("acct-1", 3).getFirst().event();
        assertThat(fill.fee().scale()).isEqualTo(-1);
        assertThat(fill.price().scale()).isEqualTo(3);
    }

    @Test
    void theTestCoversEveryKindOfAccountEvent() {
        assertThat(everyKind("acct-1").stream().map(Object::getClass).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(Arrays.asList(AccountEvent.class.getPermittedSubclasses()));
    }

    @Test
    void eachRowNamesItsEventsType() {
        DatabaseJournal journal = reopened();
        List<AccountEvent> events = everyKind("acct-1");
        for (int i = 0; i < events.size(); i++) {
            journal.append("acct-1", i + 1, null, events.get(i));
        }
        assertThat(connect().queryForList("select event_type from account_event order by recorded_seq", String.class))
                .containsExactly("OPENED", "OPENED", "TRANSFERRED", "FILLED", "FILLED", "ORDER_REPORTED", "ORDER_REPORTED",
                        "MARKED", "FUNDED", "MARGIN_MODE_SET", "OFFICER_ACTED", "DAY_ROLLED", "ORDER_EXPIRED", "DECIDED", "DECIDED", "RECONCILED");
    }

    @Test
    void longIdsAndLargePayloadsReadBack() {
        String account = "a".repeat(200);
        String key = "k".repeat(200);
        // about 1.5 MB of JSON: far beyond any inline VARCHAR
        List<ReconciliationBreak> breaks = IntStream.range(0, 20_000)
                .mapToObj(i -> new ReconciliationBreak(account.substring(0, 10), "position ETH-USD #" + i, "1." + i, "2." + i))
                .toList();
        AccountEvent big = new AccountEvent.Reconciled(account, AT, "venue snapshot", breaks);
        DatabaseJournal journal = reopened();
        assertThat(journal.append(account, 1, key, big)).isTrue();
        assertThat(journal.append(account, 2, key, big)).isFalse();
        String symbol = "S".repeat(64); // the longest symbol a bar accepts
        journal.append(symbol, 1, new BarEvent(JournalScenario.bar(symbol, AT, BigDecimal.TEN)));

        DatabaseJournal again = reopened();
        assertThat(again.accountEvents(account, 0)).containsExactly(new Journal.Entry<>(1, big));
        assertThat(again.symbols()).containsExactly(symbol);
    }

    @Test
    void aKeyTheAccountsJournalHoldsIsNotAppendedAgain() {
        DatabaseJournal journal = reopened();
        AccountEvent first = new AccountEvent.Transferred("acct-1", AT, "t-1", BigDecimal.TEN);
        AccountEvent repeat = new AccountEvent.Transferred("acct-1", AT.plusSeconds(1), "t-1", BigDecimal.ONE);
        assertThat(journal.append("acct-1", 1, "t-1", first)).isTrue();
        assertThat(journal.append("acct-1", 2, "t-1", repeat)).isFalse();
        // the same key in another account is that account's own; events without a key never collide
        assertThat(journal.append("acct-2", 1, "t-1", first)).isTrue();
        assertThat(journal.append("acct-1", 2, null, repeat)).isTrue();
        assertThat(journal.append("acct-1", 3, null, repeat)).isTrue();

        DatabaseJournal again = reopened();
        assertThat(again.append("acct-1", 4, "t-1", repeat)).isFalse();
        assertThat(again.accountEvents("acct-1", 0)).containsExactly(new Journal.Entry<>(1, first),
                new Journal.Entry<>(2, repeat), new Journal.Entry<>(3, repeat));
    }

    @Test
    void aTakenPositionIsRefusedInWordsWithoutSql() {
        DatabaseJournal journal = reopened();
        AccountEvent event = new AccountEvent.Marked("acct-1", AT, "ETH-USD", BigDecimal.TEN);
        journal.append("acct-1", 1, "m-1", event);
        BarEvent bar = new BarEvent(JournalScenario.bar("ETH-USD", AT, BigDecimal.TEN));
        journal.append("ETH-USD", 1, bar);
        DeskEvent desk = new DeskEvent(AT, HaltScope.GLOBAL, "*", OfficerAction.HALT, "jane", "halt");
        journal.append(1, desk);

        // a new key at a taken position is a second writer, not a repeat: it must not be reported as a duplicate
        assertThatThrownBy(() -> journal.append("acct-1", 1, "m-2", event)).isInstanceOf(IllegalStateException.class)
                .hasMessage("the journal of account acct-1 already holds position 1: events must be appended at the"
                        + " stream's next position by its one writer. Maybe another engine is writing to the same database.");
        assertThatThrownBy(() -> journal.append("ETH-USD", 1, bar)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the journal of instrument ETH-USD already holds position 1")
                .hasMessageNotContainingAny("insert", "INSERT", "market_event", "MARKET_EVENT");
        assertThatThrownBy(() -> journal.append(1, desk)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the journal of the desk already holds position 1")
                .hasMessageNotContainingAny("insert", "INSERT", "desk_event", "DESK_EVENT");
        assertThat(journal.accountEvents("acct-1", 0)).containsExactly(new Journal.Entry<>(1, event));
    }

    @Test
    void aCoreReopenedOnTheSameDatabaseFoldsToTheSameStateAndPositions() {
        StateSettings settings = StateSettings.DEFAULTS.withSnapshotEvery(7);
        TradingCore first = new TradingCore(reopened(), settings, IndicatorFacts.DEFAULT_SET);
        JournalScenario.drive(first);
        Map<String, AccountState> before = first.states();
        first.close();

        TradingCore restarted = new TradingCore(reopened(), settings, IndicatorFacts.DEFAULT_SET);
        assertThat(restarted.accountIds()).containsExactlyElementsOf(JournalScenario.ACCOUNTS);
        for (String account : JournalScenario.ACCOUNTS) {
            assertThat(StateHash.of(restarted.account(account))).as(account).isEqualTo(StateHash.of(before.get(account)));
            assertThat(restarted.account(account)).as(account).isEqualTo(before.get(account));
        }
        assertThat(before.get("acct-1").journalPosition()).isGreaterThan(20);
        assertThat(restarted.account("acct-2").marginMode("BTC-USDT-PERP")).isEqualTo(MarginMode.ISOLATED);
        assertThat(restarted.desk()).isEqualTo(first.desk());
        assertThat(restarted.desk().journalPosition()).isEqualTo(4);
        for (String symbol : List.of("ETH-USD", "BTC-USD")) {
            assertThat(restarted.marketPosition(symbol)).isEqualTo(first.marketPosition(symbol));
            assertThat(restarted.bars(symbol)).containsExactlyElementsOf(first.bars(symbol));
            assertThat(restarted.view(symbol)).isEqualTo(first.view(symbol));
        }
        assertThat(restarted.marketPosition("ETH-USD")).isEqualTo(60);
        // the keys survived too: a fill journaled before the restart is a duplicate after it
        AccountState acct1 = restarted.account("acct-1");
        TradingCore.Applied again = restarted.submit(new AccountEvent.Transferred("acct-1", JournalScenario.START.plusSeconds(30 + 300),
                "t-1", new BigDecimal("250.5")), "t-1");
        assertThat(again.duplicate()).isTrue();
        assertThat(restarted.account("acct-1").journalPosition()).isEqualTo(acct1.journalPosition());
    }

    @Test
    void aSnapshotAndItsTailFoldToTheSameStateAsTheWholeJournal() {
        StateSettings settings = StateSettings.DEFAULTS.withSnapshotEvery(4);
        TradingCore first = new TradingCore(reopened(), settings, IndicatorFacts.DEFAULT_SET);
        JournalScenario.drive(first);
        Map<String, AccountState> before = first.states();
        first.close();

        DatabaseJournal journal = reopened();
        for (String account : JournalScenario.ACCOUNTS) {
            Journal.Snapshot snapshot = journal.lastSnapshot(account).orElseThrow();
            assertThat(snapshot.hash()).isEqualTo(StateHash.of(snapshot.state()));
            assertThat(snapshot.state().journalPosition() % 4).isZero();
        }
        // acct-1's snapshot is behind its last event: the restart folds a tail onto it
        assertThat(journal.lastSnapshot("acct-1").orElseThrow().state().journalPosition())
                .isLessThan(before.get("acct-1").journalPosition());
        TradingCore fromSnapshots = new TradingCore(journal, settings, IndicatorFacts.DEFAULT_SET);
        TradingCore fromEvents = new TradingCore(new WithoutSnapshots(reopened()), settings, IndicatorFacts.DEFAULT_SET);
        for (String account : JournalScenario.ACCOUNTS) {
            String hash = StateHash.of(before.get(account));
            assertThat(StateHash.of(fromSnapshots.account(account))).as(account).isEqualTo(hash);
            assertThat(StateHash.of(fromEvents.account(account))).as(account).isEqualTo(hash);
        }
    }

    @Test
    void aSnapshotThatNoLongerMatchesItsHashIsPassedOver() {
        StateSettings settings = StateSettings.DEFAULTS.withSnapshotEvery(4);
        TradingCore first = new TradingCore(reopened(), settings, IndicatorFacts.DEFAULT_SET);
        JournalScenario.drive(first);
        AccountState before = first.account("acct-1");
        first.close();

        JdbcTemplate jdbc = connect();
        long newest = jdbc.queryForObject("select max(journal_position) from account_snapshot where account_id = 'acct-1'",
                Long.class);
        // the newest snapshot's cash altered behind the engine's back
        String payload = jdbc.queryForObject("select payload from account_snapshot where account_id = 'acct-1'"
                + " and journal_position = ?", String.class, newest);
        String altered = payload.replaceFirst("\"cash\":[0-9.E+-]+", "\"cash\":1000000");
        assertThat(altered).isNotEqualTo(payload);
        jdbc.update("update account_snapshot set payload = ? where account_id = 'acct-1' and journal_position = ?",
                altered, newest);

        DatabaseJournal journal = new DatabaseJournal(jdbc);
        Optional<Journal.Snapshot> used = journal.lastSnapshot("acct-1");
        assertThat(used).hasValueSatisfying(s -> assertThat(s.state().journalPosition()).isEqualTo(newest - 4));
        TradingCore restarted = new TradingCore(journal, settings, IndicatorFacts.DEFAULT_SET);
        assertThat(StateHash.of(restarted.account("acct-1"))).isEqualTo(StateHash.of(before));
    }

    /** The same journal with its snapshots hidden, so a core folds every event from the first. */
    private static final class WithoutSnapshots extends ForwardingJournal {

        WithoutSnapshots(Journal journal) {
            super(journal);
        }

        @Override
        public Optional<Snapshot> lastSnapshot(String accountId) {
            return Optional.empty();
        }
    }
}
