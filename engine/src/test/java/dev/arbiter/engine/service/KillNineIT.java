package dev.arbiter.engine.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.engine.cli.ArbiterCli;
import dev.arbiter.engine.json.ArbiterJson;
import dev.arbiter.engine.service.store.DatabaseJournal;
import dev.arbiter.engine.state.AccountBook;
import dev.arbiter.engine.state.AccountEvent;
import dev.arbiter.engine.state.BarEvent;
import dev.arbiter.engine.state.Journal;
import dev.arbiter.engine.state.StateHash;
import dev.arbiter.engine.state.StateSettings;
import dev.arbiter.kb.state.AccountState;
import dev.arbiter.kb.state.PositionState;
import dev.arbiter.kb.state.WorkingOrder;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The embedded default's durability, for decisions and for the accounts' state: a separate service process on the H2
 * file database, snapshotting every {@value #SNAPSHOT_EVERY} events, takes events and decisions interleaved from
 * {@value #CLIENTS} clients on {@value #ACCOUNT_COUNT} accounts (fills of the orders its decisions approved and
 * unsolicited ones, order reports, bars of a listed instrument the accounts hold, transfers, decisions and checks) and
 * is killed with SIGKILL in the middle of it (a fourth account, left a few events past a snapshot beforehand, makes sure
 * some account is restored from a snapshot and a tail wherever the kill lands). Each client records what was acknowledged (a 2xx answer). After a restart
 * on the same database:
 *
 * <ul>
 *   <li>nothing acknowledged is lost: every acknowledged fill and transfer answers as a duplicate when sent again (and
 *       changes nothing), every acknowledged decision is stored, explained (by the restart or on read, if the kill
 *       came between its acknowledgement and its explanation), replays identically from its stored trace and has its
 *       {@code DECIDED} event in the account's journal, every acknowledged bar is in the instrument's journal;</li>
 *   <li>the state the service restored from its last snapshot and the tail is the state of an uninterrupted run: each
 *       account's {@code journalPosition} and {@code stateHash} equal those of a fold of the same journal from the
 *       first event, without snapshots, and so do its cash, positions and working orders (no journaled event is
 *       half-applied); every snapshot hashes as the fold does at its position, and every decision's trace names a
 *       position and hash the fold reaches;</li>
 *   <li>a limit change activated through the lifecycle survives, and the audit chain verifies, over HTTP and from the
 *       command line.</li>
 * </ul>
 *
 * <p>Restart time for a journal of a million events is measured apart ({@code docs/benchmarks.md}).
 */
class KillNineIT {

    private static final int CLIENTS = 4;
    private static final int ACCOUNT_COUNT = 3;
    private static final int SNAPSHOT_EVERY = 7;
    private static final List<String> ACCOUNTS = List.of("acct-k0", "acct-k1", "acct-k2");
    /**
     * An account only the test's own thread writes to, left a few events past a snapshot before the load starts. Where
     * the kill lands in the loaded accounts' journals is chance (each may stand exactly on a snapshot), this account's
     * is not: the restart always restores at least one account from a snapshot and a tail.
     */
    private static final String QUIET_ACCOUNT = "acct-k-quiet";
    /** Every account the restart restores and the assertions fold. */
    private static final List<String> RESTORED = List.of("acct-k0", "acct-k1", "acct-k2", QUIET_ACCOUNT);

    /** Bars of an instrument the decisions do not trade, so its marks move the accounts without ageing the ETH feed. */
    private static final String BAR_SYMBOL = "SOL-USD";
    private static final Instant FIRST_BAR = Instant.parse("2023-03-15T11:00:00Z");
    /** One-minute bars from 11:00; the last ends at 13:30, before the decisions' time, so nothing moves the clock on. */
    private static final int BARS_AT_MOST = 150;
    /** When fills, transfers and reports happened: before the decisions (13:35:30 and later), within their day. */
    private static final String EVENTS_AT = "2023-03-15T13:35:10Z";

    @TempDir
    Path workDir;

    /** What the service acknowledged with a 2xx answer, each with the account it was for. */
    private static final class Acknowledged {
        final Map<String, String> fillToAccount = new ConcurrentHashMap<>();
        final Map<String, String> transferToAccount = new ConcurrentHashMap<>();
        final Map<String, String> decisionToAccount = new ConcurrentHashMap<>();
        final Set<Instant> barOpenTimes = ConcurrentHashMap.newKeySet();
        final AtomicInteger solicitedFills = new AtomicInteger();
        final AtomicInteger reports = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();
        final AtomicInteger failedAfterKill = new AtomicInteger();
        /** Answers that are neither acknowledged nor refused (5xx) before the kill: there must be none. */
        final List<String> serverErrors = new CopyOnWriteArrayList<>();

        boolean enough() {
            return decisionToAccount.size() >= 30 && fillToAccount.size() >= 30 && transferToAccount.size() >= 10
                    && barOpenTimes.size() >= 10 && reports.get() >= 3;
        }

        @Override
        public String toString() {
            return decisionToAccount.size() + " decisions, " + fillToAccount.size() + " fills (" + solicitedFills
                    + " of approved orders), " + transferToAccount.size() + " transfers, " + barOpenTimes.size()
                    + " bars, " + reports + " order reports acknowledged; " + refused + " refused (4xx)";
        }
    }

    /** One client of the load: a trader's session sending a mix of events and decisions, recording what was acknowledged. */
    private static final class Client {
        private final int client;
        private final ServiceClient trader;
        private final Acknowledged acknowledged;
        private final Map<String, ConcurrentLinkedDeque<JsonNode>> approvedByAccount;
        private final BarFeed bars;
        private final AtomicBoolean killed;

        Client(int client, int port, Acknowledged acknowledged, Map<String, ConcurrentLinkedDeque<JsonNode>> approvedByAccount,
               BarFeed bars, AtomicBoolean killed) {
            this.client = client;
            this.trader = new ServiceClient(port, "trader", "trader-demo");
            this.acknowledged = acknowledged;
            this.approvedByAccount = approvedByAccount;
            this.bars = bars;
            this.killed = killed;
        }

        void run(AtomicBoolean running) {
            for (int n = 0; running.get(); n++) {
                String account = ACCOUNTS.get((client + n) % ACCOUNTS.size());
                try {
                    switch (n % 7) {
                        case 0 -> decide("/v1/decisions", n, account);
                        case 1 -> fillApproved(n, account);
                        case 2 -> fillUnsolicited(n, account);
                        case 3 -> bar();
                        case 4 -> transfer(n, account);
                        case 5 -> decide("/v1/checks", n, account);
                        default -> report(n, account);
                    }
                } catch (Exception e) {
                    acknowledged.failedAfterKill.incrementAndGet(); // the service is gone: nothing was acknowledged
                }
            }
        }

        private void decide(String path, int n, String account) throws Exception {
            HttpResponse<String> r = trader.post(path, RequestVariants.variant(client * 100_000 + n, account));
            if (acknowledged(r)) {
                JsonNode answer = ServiceClient.json(r);
                acknowledged.decisionToAccount.put(answer.path("decisionId").asString(), account);
                answer.path("decision").path("orders").forEach(approvedByAccount.get(account)::add);
            }
        }

        private void fillApproved(int n, String account) throws Exception {
            JsonNode order = approvedByAccount.get(account).poll();
            if (order == null) {
                fillUnsolicited(n, account);
                return;
            }
            ObjectNode fill = fill(n, account, order.path("symbol").asString(), order.path("side").asString(),
                    order.path("quantity").decimalValue(), order.path("price").decimalValue());
            fill.put("orderId", order.path("orderId").asString());
            post(fill, account);
        }

        /** A manual trade: the bars' instrument bought and sold in turn, now and then some ETH sold back. */
        private void fillUnsolicited(int n, String account) throws Exception {
            int turn = n / 7 % 3;
            BigDecimal solPrice = new BigDecimal("20.00").add(BigDecimal.valueOf(n % 10, 1));
            post(switch (turn) {
                case 0 -> fill(n, account, BAR_SYMBOL, "BUY", new BigDecimal("3"), solPrice);
                case 1 -> fill(n, account, BAR_SYMBOL, "SELL", new BigDecimal("2"), solPrice);
                default -> fill(n, account, "ETH-USD", "SELL", new BigDecimal("0.5"), new BigDecimal("1692.5"));
            }, account);
        }

        private ObjectNode fill(int n, String account, String symbol, String side, BigDecimal quantity, BigDecimal price) {
            ObjectNode fill = ArbiterJson.mapper().createObjectNode();
            fill.put("fillId", "kf-" + client + "-" + n);
            fill.put("accountId", account);
            fill.put("symbol", symbol);
            fill.put("side", side);
            fill.put("quantity", quantity);
            fill.put("price", price);
            fill.put("filledAt", EVENTS_AT);
            fill.put("fee", price.multiply(quantity).movePointLeft(3).setScale(2, RoundingMode.HALF_EVEN));
            return fill;
        }

        private void post(ObjectNode fill, String account) throws Exception {
            ObjectNode body = ArbiterJson.mapper().createObjectNode();
            body.putArray("fills").add(fill);
            HttpResponse<String> r = trader.post("/v1/fills", ArbiterJson.mapper().writeValueAsString(body));
            if (acknowledged(r)) {
                JsonNode answer = ServiceClient.json(r);
                Set<String> unsolicited = new HashSet<>();
                answer.path("unsolicited").forEach(id -> unsolicited.add(id.asString()));
                for (JsonNode id : answer.path("recorded")) {
                    acknowledged.fillToAccount.put(id.asString(), account);
                    if (!unsolicited.contains(id.asString())) {
                        acknowledged.solicitedFills.incrementAndGet();
                    }
                }
            }
        }

        private void bar() throws Exception {
            bars.next(trader, acknowledged, this::acknowledged);
        }

        private void transfer(int n, String account) throws Exception {
            String amount = n % 5 == 4 ? "-50" : "250.25";
            HttpResponse<String> r = trader.post("/v1/accounts/" + account + "/transfers", """
                    {"transferId": "kt-%d-%d", "amount": %s, "at": "%s"}""".formatted(client, n, amount, EVENTS_AT));
            if (acknowledged(r)) {
                acknowledged.transferToAccount.put("kt-" + client + "-" + n, account);
            }
        }

        /** Acknowledges or cancels an approved order; an acknowledged one goes back to be filled later. */
        private void report(int n, String account) throws Exception {
            JsonNode order = approvedByAccount.get(account).poll();
            if (order == null) {
                return;
            }
            String status = n % 2 == 0 ? "CANCELLED" : "ACKNOWLEDGED";
            HttpResponse<String> r = trader.post("/v1/orders/reports", """
                    {"reports": [{"accountId": "%s", "orderId": "%s", "status": "%s", "at": "%s"}]}"""
                    .formatted(account, order.path("orderId").asString(), status, EVENTS_AT));
            if (acknowledged(r) && !ServiceClient.json(r).path("recorded").isEmpty()) {
                acknowledged.reports.incrementAndGet();
                if (status.equals("ACKNOWLEDGED")) {
                    approvedByAccount.get(account).add(order);
                }
            }
        }

        private boolean acknowledged(HttpResponse<String> r) {
            if (r.statusCode() >= 200 && r.statusCode() < 300) {
                return true;
            }
            if (r.statusCode() >= 500 && !killed.get()) {
                acknowledged.serverErrors.add(r.request().method() + " " + r.uri().getPath() + " " + r.statusCode()
                        + ": " + r.body());
            } else {
                acknowledged.refused.incrementAndGet();
            }
            return false;
        }
    }

    /** The bars' instrument's one-minute series, sent one bar at a time and in order whichever client sends it. */
    private static final class BarFeed {
        private int sent;

        synchronized void next(ServiceClient trader, Acknowledged acknowledged, Predicate<HttpResponse<String>> acknowledges)
                throws Exception {
            if (sent >= BARS_AT_MOST) {
                return;
            }
            Instant openTime = FIRST_BAR.plus(Duration.ofMinutes(sent));
            BigDecimal open = price(sent);
            BigDecimal close = price(sent + 1);
            HttpResponse<String> r = trader.post("/v1/market/bars", """
                    {"symbol": "%s", "period": "PT1M", "bars": [{"openTime": "%s", "open": %s, "high": %s, "low": %s,
                     "close": %s, "volume": %d}]}""".formatted(BAR_SYMBOL, openTime, open,
                    open.max(close).add(new BigDecimal("0.05")), open.min(close).subtract(new BigDecimal("0.05")), close,
                    100 + sent));
            sent++;
            if (acknowledges.test(r) && ServiceClient.json(r).path("kept").asInt() == 1) {
                acknowledged.barOpenTimes.add(openTime);
            }
        }

        private static BigDecimal price(int i) {
            return BigDecimal.valueOf(20 + 0.5 * Math.sin(i / 7.0)).setScale(2, RoundingMode.HALF_EVEN);
        }
    }

    /** What the restarted service answered for an account, and the journal folded from its first event. */
    private record Restored(JsonNode view, AccountState fold, Map<Long, String> hashAtPosition) {
    }

    @Test
    void nothingAcknowledgedIsLostAndTheRestoredStateIsTheFoldOfTheJournal() throws Exception {
        long started = System.nanoTime();
        int port = freePort();
        Acknowledged acknowledged = load(port);
        long killedAt = System.nanoTime();

        Process restarted = start(port, "second");
        Map<String, JsonNode> views;
        Map<String, JsonNode> traces = new HashMap<>();
        try {
            awaitReady(port, restarted);
            System.out.printf("KILL-9: restarted from snapshots and tails in %.1f s%n", (System.nanoTime() - killedAt) / 1e9);
            views = views(port);
            ServiceClient auditor = new ServiceClient(port, "auditor", "auditor-demo");
            assertDecisionsStored(auditor, acknowledged, traces);
            assertRepeatsAreDuplicates(port, acknowledged);
            Map<String, JsonNode> afterRepeats = views(port);
            for (String account : RESTORED) {
                assertThat(afterRepeats.get(account).path("stateHash").asString())
                        .as("%s: acknowledged fills and transfers sent again change nothing", account)
                        .isEqualTo(views.get(account).path("stateHash").asString());
            }
            JsonNode active = ServiceClient.json(auditor.get("/v1/rule-sets/active"));
            assertThat(active.path("decisions").path("limits").path("price-collar").decimalValue())
                    .as("a limit change activated through the lifecycle survives the restart").isEqualByComparingTo("0.07");
            HttpResponse<String> verify = auditor.get("/v1/audit/verify");
            assertThat(ServiceClient.json(verify).path("intact").asBoolean()).as(verify.body()).isTrue();
            assertThat(ServiceClient.json(verify).path("recordsChecked").asLong())
                    .isGreaterThan(acknowledged.decisionToAccount.size());
        } finally {
            restarted.destroy();
            if (!restarted.waitFor(60, TimeUnit.SECONDS)) {
                restarted.destroyForcibly();
            }
        }

        String database = "jdbc:h2:file:" + workDir.resolve("var").resolve("arbiter");
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(database, "sa", "", true);
        try {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            Journal journal = new DatabaseJournal(jdbc);
            Map<String, Restored> restored = new TreeMap<>();
            for (String account : RESTORED) {
                restored.put(account, fold(journal, account, views.get(account)));
            }
            assertAcknowledgedAreJournaled(journal, jdbc, acknowledged);
            assertRestoredIsTheFold(restored);
            assertSnapshotsAreTheFold(jdbc, restored);
            assertTracesAreTheFold(traces, acknowledged, restored);
        } finally {
            dataSource.destroy();
        }
        assertThat(ArbiterCli.execute("audit", "verify", "--db-url", database)).isZero();
        System.out.printf("KILL-9: whole test %.0f s%n", (System.nanoTime() - started) / 1e9);
    }

    /** Opens the accounts, runs the clients until enough is acknowledged, and kills the service under them. */
    private Acknowledged load(int port) throws Exception {
        Acknowledged acknowledged = new Acknowledged();
        Map<String, ConcurrentLinkedDeque<JsonNode>> approvedByAccount = new HashMap<>();
        ACCOUNTS.forEach(a -> approvedByAccount.put(a, new ConcurrentLinkedDeque<>()));
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicBoolean killed = new AtomicBoolean();
        BarFeed bars = new BarFeed();
        Process service = start(port, "first");
        ExecutorService load = Executors.newFixedThreadPool(CLIENTS);
        try {
            awaitReady(port, service);
            activateWiderCollar(port);
            ServiceClient setUp = new ServiceClient(port, "trader", "trader-demo");
            for (String account : ACCOUNTS) {
                setUp.exampleAccount(account);
            }
            leavePastASnapshot(setUp, QUIET_ACCOUNT);
            for (int c = 0; c < CLIENTS; c++) {
                Client client = new Client(c, port, acknowledged, approvedByAccount, bars, killed);
                load.submit(() -> client.run(running));
            }
            Instant until = Instant.now().plusSeconds(120);
            while (!acknowledged.enough() && Instant.now().isBefore(until)) {
                Thread.sleep(100);
            }
            killed.set(true);
            service.destroyForcibly(); // SIGKILL: no shutdown hook, no flush, no close
            service.waitFor(30, TimeUnit.SECONDS);
        } finally {
            running.set(false);
            load.shutdown();
            load.awaitTermination(60, TimeUnit.SECONDS);
            service.destroyForcibly();
        }
        System.out.println("KILL-9: " + acknowledged + "; " + acknowledged.failedAfterKill
                + " requests failed once the service was gone");
        assertThat(acknowledged.serverErrors).as("server errors under load before the kill").isEmpty();
        assertThat(acknowledged.decisionToAccount).as("decisions acknowledged before the kill").hasSizeGreaterThanOrEqualTo(20);
        assertThat(acknowledged.fillToAccount).as("fills acknowledged before the kill").hasSizeGreaterThanOrEqualTo(20);
        assertThat(acknowledged.solicitedFills.get()).as("fills of approved orders acknowledged").isPositive();
        assertThat(acknowledged.transferToAccount).as("transfers acknowledged before the kill").hasSizeGreaterThanOrEqualTo(5);
        assertThat(acknowledged.barOpenTimes).as("bars acknowledged before the kill").hasSizeGreaterThanOrEqualTo(5);
        assertThat(acknowledged.reports.get()).as("order reports acknowledged before the kill").isPositive();
        return acknowledged;
    }

    private static Map<String, JsonNode> views(int port) throws Exception {
        ServiceClient trader = new ServiceClient(port, "trader", "trader-demo");
        Map<String, JsonNode> views = new LinkedHashMap<>();
        for (String account : RESTORED) {
            HttpResponse<String> view = trader.get("/v1/accounts/" + account);
            assertThat(view.statusCode()).as(view.body()).isEqualTo(200);
            assertThat(ServiceClient.json(view).path("opened").asBoolean()).as("%s is open after the restart", account).isTrue();
            views.put(account, ServiceClient.json(view));
        }
        return views;
    }

    /** Every acknowledged decision is stored; each trace is kept for the fold, a few replay identically. */
    private static void assertDecisionsStored(ServiceClient auditor, Acknowledged acknowledged, Map<String, JsonNode> traces)
            throws Exception {
        List<String> missing = new ArrayList<>();
        for (String id : acknowledged.decisionToAccount.keySet()) {
            HttpResponse<String> trace = auditor.get("/v1/decisions/" + id + "/trace");
            if (trace.statusCode() == 200) {
                traces.put(id, ServiceClient.json(trace));
            } else {
                missing.add(id);
            }
        }
        assertThat(missing).as("acknowledged decisions missing after kill -9 (of %d)", acknowledged.decisionToAccount.size())
                .isEmpty();
        // explained after their acknowledgement: those the kill cut off are explained by the restart or by this read
        assertThat(traces.values()).allSatisfy(trace -> assertThat(trace.path("explanations").size())
                .as("explanations of %s", trace.path("decisionId").asString())
                .isEqualTo(trace.path("proposals").size()));
        for (String id : acknowledged.decisionToAccount.keySet().stream().sorted().limit(6).toList()) {
            HttpResponse<String> replay = auditor.post("/v1/decisions/" + id + "/replay", new byte[0]);
            assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
            assertThat(ServiceClient.json(replay).path("identical").asBoolean())
                    .as("decision %s replays from its stored trace after the restart: %s", id, replay.body()).isTrue();
        }
    }

    /** Each acknowledged fill and transfer, sent again, is answered as one the journal already holds. */
    private static void assertRepeatsAreDuplicates(int port, Acknowledged acknowledged) throws Exception {
        ServiceClient trader = new ServiceClient(port, "trader", "trader-demo");
        for (String account : ACCOUNTS) {
            List<String> fills = acknowledged.fillToAccount.entrySet().stream().filter(e -> e.getValue().equals(account))
                    .map(Map.Entry::getKey).sorted().toList();
            if (!fills.isEmpty()) {
                ObjectNode body = ArbiterJson.mapper().createObjectNode();
                for (String id : fills) {
                    body.withArray("fills").addObject().put("fillId", id).put("accountId", account).put("symbol", "ETH-USD")
                            .put("side", "BUY").put("quantity", 1).put("price", 1690).put("filledAt", EVENTS_AT);
                }
                HttpResponse<String> again = trader.post("/v1/fills", ArbiterJson.mapper().writeValueAsString(body));
                assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
                JsonNode answer = ServiceClient.json(again);
                assertThat(answer.path("recorded")).as("%s: acknowledged fills sent again", account).isEmpty();
                assertThat(answer.path("duplicates")).extracting(JsonNode::asString).as("%s: acknowledged fills sent again", account)
                        .containsExactlyInAnyOrderElementsOf(fills);
            }
        }
        for (Map.Entry<String, String> transfer : acknowledged.transferToAccount.entrySet()) {
            HttpResponse<String> again = trader.post("/v1/accounts/" + transfer.getValue() + "/transfers", """
                    {"transferId": "%s", "amount": 1, "at": "%s"}""".formatted(transfer.getKey(), EVENTS_AT));
            assertThat(again.statusCode()).as("transfer %s sent again: %s", transfer.getKey(), again.body()).isEqualTo(200);
            assertThat(ServiceClient.json(again).path("duplicate").asBoolean()).as(again.body()).isTrue();
        }
    }

    /** Folds the account's journal from its first event, with no snapshot, remembering the hash at every position. */
    private static Restored fold(Journal journal, String account, JsonNode view) {
        AccountBook book = new AccountBook(StateSettings.DEFAULTS);
        AccountState state = AccountState.empty(account);
        Map<Long, String> hashAtPosition = new HashMap<>();
        for (Journal.Entry<AccountEvent> entry : journal.accountEvents(account, 0)) {
            assertThat(entry.position()).as("%s's journal positions follow on", account).isEqualTo(state.journalPosition() + 1);
            state = book.apply(state, entry.position(), entry.event());
            hashAtPosition.put(entry.position(), StateHash.of(state));
        }
        return new Restored(view, state, hashAtPosition);
    }

    private static void assertAcknowledgedAreJournaled(Journal journal, JdbcTemplate jdbc, Acknowledged acknowledged) {
        for (String account : ACCOUNTS) {
            Set<String> keys = new HashSet<>(jdbc.queryForList(
                    "select event_key from account_event where account_id = ? and event_key is not null", String.class, account));
            Set<String> decided = journal.accountEvents(account, 0).stream()
                    .filter(e -> e.event() instanceof AccountEvent.Decided)
                    .map(e -> ((AccountEvent.Decided) e.event()).decisionId()).collect(Collectors.toSet());
            assertThat(keys).as("%s's journal holds every acknowledged fill", account).containsAll(
                    ofAccount(acknowledged.fillToAccount, account).stream().map(id -> "fill:" + id).toList());
            assertThat(keys).as("%s's journal holds every acknowledged transfer", account).containsAll(
                    ofAccount(acknowledged.transferToAccount, account).stream().map(id -> "transfer:" + id).toList());
            assertThat(decided).as("%s's journal holds every acknowledged decision", account)
                    .containsAll(ofAccount(acknowledged.decisionToAccount, account));
        }
        Set<Instant> bars = journal.marketEvents(BAR_SYMBOL).stream().map(Journal.Entry::event).map(e -> ((BarEvent) e).bar())
                .map(b -> b.openTime()).collect(Collectors.toSet());
        assertThat(bars).as("the market journal holds every acknowledged bar").containsAll(acknowledged.barOpenTimes);
    }

    /** The restarted service's state, restored from a snapshot and a tail, is the fold from the first event. */
    private static void assertRestoredIsTheFold(Map<String, Restored> restored) {
        for (Map.Entry<String, Restored> entry : restored.entrySet()) {
            String account = entry.getKey();
            JsonNode view = entry.getValue().view();
            AccountState fold = entry.getValue().fold();
            assertThat(view.path("journalPosition").asLong()).as("%s: journal position after the restart", account)
                    .isEqualTo(fold.journalPosition());
            assertThat(view.path("stateHash").asString()).as("%s: state hash after the restart", account)
                    .isEqualTo(StateHash.of(fold));
            assertThat(view.path("cash").decimalValue()).as("%s: cash", account).isEqualByComparingTo(fold.cash());
            Map<String, String> served = new TreeMap<>();
            view.path("positions").forEach(p -> served.put(p.path("symbol").asString(),
                    plain(p.path("quantity").decimalValue()) + " at " + plain(p.path("averagePrice").decimalValue())));
            Map<String, String> folded = new TreeMap<>();
            for (PositionState p : fold.positions()) {
                folded.put(p.symbol(), plain(p.quantity()) + " at " + plain(p.averagePrice()));
            }
            assertThat(served).as("%s: positions", account).isEqualTo(folded);
            List<String> working = new ArrayList<>();
            view.path("workingOrders").forEach(o -> working.add(o.path("orderId").asString()));
            assertThat(working).as("%s: working orders", account)
                    .containsExactlyInAnyOrderElementsOf(fold.workingOrders().stream().map(WorkingOrder::orderId).toList());
        }
        assertThat(restored.values()).as("accounts holding the bars' instrument").anyMatch(r -> r.fold().position(BAR_SYMBOL).isPresent());
    }

    /** Every snapshot hashes as the fold does at its position; the restore started from one and applied a tail. */
    private static void assertSnapshotsAreTheFold(JdbcTemplate jdbc, Map<String, Restored> restored) {
        long tails = 0;
        long taken = 0;
        for (Map.Entry<String, Restored> entry : restored.entrySet()) {
            String account = entry.getKey();
            Map<Long, String> snapshots = new TreeMap<>();
            jdbc.query("select journal_position, state_hash from account_snapshot where account_id = ?",
                    rs -> {
                        snapshots.put(rs.getLong(1), rs.getString(2));
                    }, account);
            assertThat(snapshots).as("%s's snapshots", account).isNotEmpty();
            snapshots.forEach((position, hash) -> assertThat(hash).as("%s's snapshot at %d", account, position)
                    .isEqualTo(entry.getValue().hashAtPosition().get(position)));
            long last = snapshots.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
            tails += entry.getValue().fold().journalPosition() - last;
            taken += snapshots.size();
        }
        System.out.println("KILL-9: journals of " + restored.values().stream().mapToLong(r -> r.fold().journalPosition()).sum()
                + " account events, " + taken + " snapshots, " + tails + " events restored as tails; each account's"
                + " state hash equals the fold's");
        assertThat(tails).as("events restored as a tail after the accounts' last snapshots").isPositive();
    }

    /** A decision's trace names the journal position and state hash it was decided from: the fold reaches both. */
    private static void assertTracesAreTheFold(Map<String, JsonNode> traces, Acknowledged acknowledged,
                                               Map<String, Restored> restored) {
        for (Map.Entry<String, JsonNode> trace : traces.entrySet()) {
            JsonNode state = trace.getValue().path("request").path("state");
            Restored account = restored.get(acknowledged.decisionToAccount.get(trace.getKey()));
            assertThat(account.hashAtPosition().get(state.path("journalPosition").asLong()))
                    .as("decision %s's state in the fold of the journal", trace.getKey())
                    .isEqualTo(state.path("stateHash").asString());
        }
    }

    private static List<String> ofAccount(Map<String, String> idToAccount, String account) {
        return idToAccount.entrySet().stream().filter(e -> e.getValue().equals(account)).map(Map.Entry::getKey).toList();
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private Process start(int port, String name) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-Xmx768m", "--enable-native-access=ALL-UNNAMED",
                "-Darbiter.state.snapshot-every=" + SNAPSHOT_EVERY, "-cp", System.getProperty("java.class.path"),
                ArbiterCli.class.getName(), "serve", "--port", String.valueOf(port))
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("service-" + name + ".log").toFile())
                .start();
    }

    private void awaitReady(int port, Process service) throws Exception {
        ServiceClient probe = new ServiceClient(port, null, null);
        Instant until = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(until)) {
            if (!service.isAlive()) {
                throw new AssertionError("the service exited with " + service.exitValue() + ":\n" + logs());
            }
            try {
                if (probe.get("/actuator/health/readiness").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the service did not become ready within 2 minutes:\n" + logs());
    }

    private String logs() throws IOException {
        StringBuilder all = new StringBuilder();
        try (var files = Files.list(workDir)) {
            for (Path log : files.filter(p -> p.toString().endsWith(".log")).sorted().toList()) {
                all.append(Files.readString(log));
            }
        }
        return all.toString();
    }

    /** Opens the account and moves cash in until its journal stands past its first snapshot and not on another. */
    private static void leavePastASnapshot(ServiceClient trader, String account) throws Exception {
        long position = trader.exampleAccount(account).path("journalPosition").asLong();
        for (int n = 0; position <= SNAPSHOT_EVERY || position % SNAPSHOT_EVERY == 0; n++) {
            HttpResponse<String> r = trader.post("/v1/accounts/" + account + "/transfers", """
                    {"transferId": "kq-%d", "amount": 10, "at": "%s"}""".formatted(n, EVENTS_AT));
            assertThat(r.statusCode()).as(r.body()).isBetween(200, 201);
            position = ServiceClient.json(trader.get("/v1/accounts/" + account)).path("journalPosition").asLong();
        }
    }

    /** Uploads the wider collar as one demo officer, approves it as the other and activates it. */
    private static void activateWiderCollar(int port) throws Exception {
        ServiceClient author = new ServiceClient(port, "risk-officer", "risk-officer-demo");
        ServiceClient approver = new ServiceClient(port, "risk-officer-2", "risk-officer-2-demo");
        String limits = ServiceClient.json(author.get("/v1/rule-sets/cand-0001")).path("files").path("limits.json").asString();
        HttpResponse<String> uploaded = author.post("/v1/rule-sets", WiderCollar.upload(limits, true, "wider collar"));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        String id = ServiceClient.json(uploaded).path("id").asString();
        assertThat(approver.post("/v1/rule-sets/" + id + "/approve", new byte[0]).statusCode()).isEqualTo(200);
        assertThat(author.post("/v1/rule-sets/" + id + "/activate", new byte[0]).statusCode()).isEqualTo(200);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
