package dev.arbiter.scenarios.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.arbiter.engine.service.store.DatabaseJournal;
import dev.arbiter.engine.state.AccountEvent;
import dev.arbiter.engine.state.MarketEvent;
import dev.arbiter.engine.state.DeskEvent;
import dev.arbiter.engine.state.ForwardingJournal;
import dev.arbiter.engine.state.Journal;
import dev.arbiter.engine.state.OfficerAction;
import dev.arbiter.engine.state.StateHash;
import dev.arbiter.engine.state.StateSettings;
import dev.arbiter.engine.state.TradingCore;
import dev.arbiter.kb.fact.Bar;
import dev.arbiter.kb.fact.Side;
import dev.arbiter.kb.outcome.HaltScope;
import dev.arbiter.kb.state.AccountState;
import dev.arbiter.kb.state.OrderStatus;
import dev.arbiter.kb.state.PositionState;
import dev.arbiter.kb.state.WorkingOrder;
import dev.arbiter.mlbridge.indicators.IndicatorFacts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * How long a restart takes once the journal holds many events: journals a realistic day of trading through a
 * {@link TradingCore} on a {@link DatabaseJournal} (opening balances for the accounts, 1-minute bars for four
 * instruments fanning out marks to the accounts that hold or work them, decisions approving orders that are
 * acknowledged and filled, cancelled or left to expire, closing sells, deposits, a desk halt and resume, day rolls),
 * snapshots every 1,000 events of an account, then times new cores restoring from it: from the snapshots and their
 * tails, from every event, and the two halves apart (the bars alone, the accounts alone), plus the journal's reads
 * without any fold. Prints the append rate, the mix of events and each restore's wall time.
 *
 * <pre>
 * java -cp "scenarios/target/arbiter-scenarios.jar:scenarios/target/lib/*" \
 *   dev.arbiter.scenarios.bench.JournalRestartHarness \
 *   'jdbc:h2:file:/tmp/arbiter-journal/arbiter;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE' sa 1000000 3
 * </pre>
 * Arguments: the JDBC URL of an empty database (or one this harness filled before: then nothing is written and only
 * the restores run), its user, the number of events to journal, restores per kind, and optionally a commit every so
 * many events (default 1: every append commits, as the engine appends; more builds the same rows faster, and the
 * rate printed is then not the append rate). The password, if any, comes from {@code ARBITER_DB_PASSWORD}.
 * {@code memory} as the URL runs the workload on the in-memory journal only: what the core costs without a database.
 */
public final class JournalRestartHarness {

    private static final List<String> SYMBOLS = List.of("BTC-USD", "ETH-USD", "SOL-USD", "XRP-USD");
    private static final int ACCOUNTS = 100;
    private static final Instant START = Instant.parse("2025-06-02T00:00:00Z");
    private static final int SNAPSHOT_EVERY = 1000;

    private JournalRestartHarness() {
    }

    public static void main(String[] args) {
        if (args.length != 4 && args.length != 5) {
            System.err.println("usage: JournalRestartHarness JDBC_URL USER EVENTS RESTORES [COMMIT_EVERY]");
            System.exit(2);
        }
        String url = args[0];
        if (url.equals("memory")) {
            // the same workload on the in-memory journal: what the core itself costs, without a database
            write(new dev.arbiter.engine.state.InMemoryJournal(), StateSettings.DEFAULTS.withSnapshotEvery(SNAPSHOT_EVERY),
                    Long.parseLong(args[2]), () -> { });
            return;
        }
        String user = args[1];
        String password = Optional.ofNullable(System.getenv("ARBITER_DB_PASSWORD")).orElse("");
        long events = Long.parseLong(args[2]);
        int restores = Integer.parseInt(args[3]);
        int commitEvery = args.length == 5 ? Integer.parseInt(args[4]) : 1;
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").load().migrate();
        StateSettings settings = StateSettings.DEFAULTS.withSnapshotEvery(SNAPSHOT_EVERY);
        System.out.printf(Locale.ROOT, "database %s, JDK %s, %d processors%n", url.replaceAll(";.*", ""),
                Runtime.version(), Runtime.getRuntime().availableProcessors());

        Map<String, String> hashes;
        try (HikariDataSource pool = pool(url, user, password)) {
            JdbcTemplate jdbc = new JdbcTemplate(pool);
            long held = count(jdbc);
            if (held == 0 && commitEvery > 1) {
                hashes = writeGrouped(url, user, password, settings, events, commitEvery);
            } else if (held == 0) {
                hashes = write(new DatabaseJournal(jdbc), settings, events, () -> { });
            } else {
                System.out.printf(Locale.ROOT, "the journal holds %,d events already: nothing written%n", held);
                hashes = null;
            }
            System.out.printf(Locale.ROOT, "journal: %,d account events, %,d bars, %,d desk events, %,d snapshots%n",
                    rows(jdbc, "account_event"), rows(jdbc, "market_event"), rows(jdbc, "desk_event"),
                    rows(jdbc, "account_snapshot"));
            System.out.println("event mix: " + jdbc.queryForList("select event_type || '=' || count(*) from account_event"
                    + " group by event_type order by event_type", String.class));
        }

        // each restore on a fresh pool, as a restarted service would open it
        Map<String, List<Double>> seconds = new TreeMap<>();
        try (HikariDataSource pool = pool(url, user, password)) {
            // warm-up, not counted: class loading and the JIT's first compilations of the fold and the JSON reader
            new TradingCore(new DatabaseJournal(new JdbcTemplate(pool)), settings, IndicatorFacts.DEFAULT_SET);
        }
        for (int run = 0; run < restores; run++) {
            for (View view : View.values()) {
                try (HikariDataSource pool = pool(url, user, password)) {
                    Journal journal = view.over(new DatabaseJournal(new JdbcTemplate(pool)));
                    long start = System.nanoTime();
                    Object restored = view == View.READS_ONLY ? readAll(journal)
                            : new TradingCore(journal, settings, IndicatorFacts.DEFAULT_SET);
                    double elapsed = (System.nanoTime() - start) / 1e9;
                    seconds.computeIfAbsent(view.label, k -> new ArrayList<>()).add(elapsed);
                    String check = "";
                    if (restored instanceof TradingCore core && view.accounts) {
                        check = hashes == null ? "" : " state hashes equal the live core's: " + hashes.equals(hashesOf(core));
                    }
                    System.out.printf(Locale.ROOT, "restore %d, %-46s %8.2f s%s%n", run + 1, view.label, elapsed, check);
                }
            }
        }
        System.out.println("median restore times:");
        seconds.forEach((label, times) -> {
            List<Double> sorted = new ArrayList<>(times);
            Collections.sort(sorted);
            System.out.printf(Locale.ROOT, "  %-46s %8.2f s (runs: %s)%n", label, sorted.get(sorted.size() / 2),
                    times.stream().map(t -> String.format(Locale.ROOT, "%.2f", t)).toList());
        });
    }

    /** What a restore reads and folds. */
    private enum View {
        SNAPSHOTS("snapshots every 1,000 events, and their tails", true, true, true),
        EVERY_EVENT("no snapshots: every event folded", false, true, true),
        BARS_ONLY("bars only (every bar into the market streams)", false, false, true),
        ACCOUNTS_FROM_SNAPSHOTS("accounts only, from snapshots", true, true, false),
        ACCOUNTS_EVERY_EVENT("accounts only, every event", false, true, false),
        READS_ONLY("journal reads, no fold (every event, no snapshot)", false, true, true);

        final String label;
        final boolean snapshots;
        final boolean accounts;
        final boolean bars;

        View(String label, boolean snapshots, boolean accounts, boolean bars) {
            this.label = label;
            this.snapshots = snapshots;
            this.accounts = accounts;
            this.bars = bars;
        }

        Journal over(Journal journal) {
            return new Filtered(journal, snapshots, accounts, bars);
        }
    }

    private static long readAll(Journal journal) {
        long read = journal.deskEvents().size();
        for (String symbol : journal.symbols()) {
            read += journal.marketEvents(symbol).size();
        }
        for (String account : journal.accounts()) {
            read += journal.accountEvents(account, 0).size();
        }
        return read;
    }

    /**
     * The same journal, written by the same {@link DatabaseJournal} on one connection that commits every
     * {@code commitEvery} events instead of every event: the rows are the same, only built faster (the per-event
     * append rate is what {@link #write} measures with one commit per event).
     */
    private static Map<String, String> writeGrouped(String url, String user, String password, StateSettings settings,
                                                    long events, int commitEvery) {
        SingleConnectionDataSource connection = new SingleConnectionDataSource(url, user, password, true);
        connection.setAutoCommit(false);
        try {
            JdbcTemplate jdbc = new JdbcTemplate(connection);
            AtomicLong since = new AtomicLong();
            System.out.printf(Locale.ROOT, "writing with one commit per %,d events (not the per-event rate)%n", commitEvery);
            Map<String, String> hashes = write(new DatabaseJournal(jdbc), settings, events, () -> {
                if (since.incrementAndGet() % commitEvery == 0) {
                    commit(connection);
                }
            });
            commit(connection);
            return hashes;
        } finally {
            connection.destroy();
        }
    }

    private static void commit(SingleConnectionDataSource connection) {
        try {
            connection.getConnection().commit();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("commit failed", e);
        }
    }

    /** Journals {@code events} events through a core; returns the accounts' state hashes at the end. */
    private static Map<String, String> write(Journal database, StateSettings settings, long events, Runnable afterAppend) {
        Counting journal = new Counting(database, afterAppend);
        TradingCore core = new TradingCore(journal, settings, IndicatorFacts.DEFAULT_SET);
        SplittableRandom random = new SplittableRandom(20250602);
        Map<String, BigDecimal> prices = new TreeMap<>(Map.of("BTC-USD", new BigDecimal("67000.00"),
                "ETH-USD", new BigDecimal("2500.00"), "SOL-USD", new BigDecimal("160.00"), "XRP-USD", new BigDecimal("2.1500")));
        long start = System.nanoTime();
        for (int a = 0; a < ACCOUNTS; a++) {
            core.submit(new AccountEvent.Opened(account(a), START, new BigDecimal("1000000.00"), null), null);
        }
        long decisions = 0;
        long fills = 0;
        long report = Math.max(events / 10, 1);
        for (long minute = 0; journal.appended.get() < events; minute++) {
            Instant barOpen = START.plus(Duration.ofMinutes(minute));
            Instant now = barOpen.plus(Duration.ofMinutes(1));
            for (String symbol : SYMBOLS) {
                Bar bar = bar(symbol, barOpen, prices.get(symbol), random);
                core.bar(bar);
                prices.put(symbol, bar.close());
            }
            if (minute == 600) {
                core.submit(new DeskEvent(now, HaltScope.INSTRUMENT, "SOL-USD", OfficerAction.HALT, "desk", "venue outage"));
            } else if (minute == 660) {
                core.submit(new DeskEvent(now, HaltScope.INSTRUMENT, "SOL-USD", OfficerAction.RESUME, "desk", "venue back"));
            }
            // about a third of the accounts act each minute
            for (int k = 0; k < 35 && journal.appended.get() < events; k++) {
                int a = random.nextInt(ACCOUNTS);
                String id = account(a);
                Instant at = now.plusMillis(random.nextInt(50_000) + 1000L * k);
                AccountState state = core.account(id);
                Optional<WorkingOrder> working = state.workingOrders().stream()
                        .filter(o -> o.status() == OrderStatus.APPROVED || o.status() == OrderStatus.ACKNOWLEDGED
                                || o.status() == OrderStatus.PARTIALLY_FILLED)
                        .findFirst();
                int roll = random.nextInt(100);
                if (working.isPresent() && roll < 55) {
                    WorkingOrder order = working.get();
                    if (order.status() == OrderStatus.APPROVED) {
                        core.submit(new AccountEvent.OrderReported(id, at, order.orderId(),
                                roll < 50 ? OrderStatus.ACKNOWLEDGED : OrderStatus.CANCELLED, roll < 50 ? null : "client cancelled"), null);
                    } else {
                        BigDecimal half = order.remaining().divide(BigDecimal.TWO, 8, RoundingMode.DOWN);
                        BigDecimal quantity = roll < 35 || half.signum() == 0 ? order.remaining() : half;
                        String fillId = "fill-" + (++fills);
                        core.submit(new AccountEvent.Filled(id, at, fillId, order.orderId(), order.symbol(), order.side(),
                                quantity, order.price(), quantity.multiply(order.price()).multiply(new BigDecimal("0.0005"))
                                        .setScale(8, RoundingMode.HALF_EVEN), false, false), fillId);
                    }
                } else if (roll < 85) {
                    String symbol = SYMBOLS.get((a + random.nextInt(2)) % SYMBOLS.size());
                    BigDecimal price = prices.get(symbol);
                    Optional<PositionState> held = state.position(symbol);
                    boolean sell = held.isPresent() && held.get().quantity().signum() > 0 && random.nextInt(3) == 0;
                    BigDecimal quantity = sell ? held.get().quantity()
                            : new BigDecimal(1000 + random.nextInt(4000)).divide(price, 6, RoundingMode.DOWN);
                    String decision = "dec-" + (++decisions);
                    List<AccountEvent.ApprovedOrder> orders = List.of(new AccountEvent.ApprovedOrder(decision + "/i-1", symbol,
                            sell ? Side.SELL : Side.BUY, quantity, price, sell ? null : price.multiply(new BigDecimal("0.97"))
                                    .setScale(price.scale(), RoundingMode.DOWN)));
                    core.decide(id, at, s -> new TradingCore.Decided<>(null, decision, at, orders, List.of()));
                } else if (roll < 97 && !state.positions().isEmpty()) {
                    // a stop or a manual trade: the whole position sold without an order of the engine's
                    PositionState position = state.positions().get(random.nextInt(state.positions().size()));
                    String fillId = "fill-" + (++fills);
                    core.submit(new AccountEvent.Filled(id, at, fillId, null, position.symbol(),
                            position.quantity().signum() > 0 ? Side.SELL : Side.BUY, position.quantity().abs(),
                            prices.get(position.symbol()), BigDecimal.ZERO, roll < 92, true), fillId);
                } else {
                    String transferId = "transfer-" + minute + "-" + k;
                    core.submit(new AccountEvent.Transferred(id, at, transferId, new BigDecimal("500.00")), transferId);
                }
            }
            if (journal.appended.get() >= report) {
                double elapsed = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "  %,d events in %.1f s (%,.0f/s)%n", journal.appended.get(), elapsed,
                        journal.appended.get() / elapsed);
                report += Math.max(events / 10, 1);
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "journaled %,d events (%,d bars) in %.1f s: %,.0f events/s, %.1f µs per event"
                        + " (the fold, the checks and %,d snapshots included)%n", journal.appended.get(), journal.bars.get(),
                elapsed, journal.appended.get() / elapsed, elapsed * 1e6 / journal.appended.get(), journal.snapshots.get());
        return hashesOf(core);
    }

    private static Map<String, String> hashesOf(TradingCore core) {
        Map<String, String> hashes = new TreeMap<>();
        core.states().forEach((id, state) -> hashes.put(id, StateHash.of(state)));
        return hashes;
    }

    private static String account(int a) {
        return String.format(Locale.ROOT, "acct-%03d", a);
    }

    private static Bar bar(String symbol, Instant open, BigDecimal from, SplittableRandom random) {
        BigDecimal to = step(from, random);
        BigDecimal tick = from.movePointLeft(4).setScale(from.scale(), RoundingMode.UP);
        BigDecimal high = from.max(to).add(tick);
        BigDecimal low = from.min(to).subtract(tick);
        return new Bar(symbol, open, Duration.ofMinutes(1), from, high, low, to,
                new BigDecimal(random.nextInt(1, 100_000)).movePointLeft(2));
    }

    /** The next close: a random walk of up to ±0.2 %. */
    private static BigDecimal step(BigDecimal price, SplittableRandom random) {
        double move = (random.nextDouble() - 0.5) * 0.004;
        return price.multiply(BigDecimal.valueOf(1 + move)).setScale(price.scale(), RoundingMode.HALF_EVEN);
    }

    private static HikariDataSource pool(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(2);
        return new HikariDataSource(config);
    }

    private static long count(JdbcTemplate jdbc) {
        return rows(jdbc, "account_event") + rows(jdbc, "market_event") + rows(jdbc, "desk_event");
    }

    private static long rows(JdbcTemplate jdbc, String table) {
        Long rows = jdbc.queryForObject("select count(*) from " + table, Long.class);
        return rows == null ? 0 : rows;
    }

    /** Counts what is appended, by stream. */
    private static final class Counting extends ForwardingJournal {
        final AtomicLong appended = new AtomicLong();
        final AtomicLong bars = new AtomicLong();
        final AtomicLong snapshots = new AtomicLong();
        private final Runnable afterAppend;

        Counting(Journal journal, Runnable afterAppend) {
            super(journal);
            this.afterAppend = afterAppend;
        }

        @Override
        public boolean append(String accountId, long position, String key, AccountEvent event) {
            boolean added = super.append(accountId, position, key, event);
            if (added) {
                appended.incrementAndGet();
                afterAppend.run();
            }
            return added;
        }

        @Override
        public void append(String symbol, long position, MarketEvent event) {
            super.append(symbol, position, event);
            appended.incrementAndGet();
            bars.incrementAndGet();
            afterAppend.run();
        }

        @Override
        public void append(long position, DeskEvent event) {
            super.append(position, event);
            appended.incrementAndGet();
            afterAppend.run();
        }

        @Override
        public void saveSnapshot(Snapshot snapshot) {
            super.saveSnapshot(snapshot);
            snapshots.incrementAndGet();
        }
    }

    /** The journal with its snapshots, its accounts or its bars hidden from a restore. */
    private static final class Filtered extends ForwardingJournal {
        private final boolean snapshots;
        private final boolean accounts;
        private final boolean bars;

        Filtered(Journal journal, boolean snapshots, boolean accounts, boolean bars) {
            super(journal);
            this.snapshots = snapshots;
            this.accounts = accounts;
            this.bars = bars;
        }

        @Override
        public List<String> accounts() {
            return accounts ? super.accounts() : List.of();
        }

        @Override
        public List<String> symbols() {
            return bars ? super.symbols() : List.of();
        }

        @Override
        public Optional<Snapshot> lastSnapshot(String accountId) {
            return snapshots ? super.lastSnapshot(accountId) : Optional.empty();
        }
    }
}
