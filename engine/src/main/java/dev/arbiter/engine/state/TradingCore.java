package dev.arbiter.engine.state;

import dev.arbiter.engine.decision.MarketSeries;
import dev.arbiter.engine.decision.MarketStream;
import dev.arbiter.engine.decision.MarketView;
import dev.arbiter.kb.fact.Bar;
import dev.arbiter.kb.fact.MarkPrice;
import dev.arbiter.kb.fact.ReconciliationBreak;
import dev.arbiter.kb.fact.TradingState;
import dev.arbiter.kb.outcome.HaltScope;
import dev.arbiter.kb.state.AccountState;
import dev.arbiter.kb.state.OrderStatus;
import dev.arbiter.kb.state.WorkingOrder;
import dev.arbiter.mlbridge.features.FeatureSet;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The one core every driver runs (the service, the command line, the scenario runner): it owns each account's state
 * and each instrument's market stream, journals every event before applying it, and runs decisions against its own
 * figures. One writer per account (a lock per account, never one across accounts) and per instrument; a new
 * valuation price (a bar's close, or a perpetual's mark as its venue publishes it: {@link MarkPrice#valuation}) reaches
 * the accounts that hold or work the instrument as a {@link AccountEvent.Marked} event of their own journal, so each
 * account's journal alone folds to its state.
 */
public final class TradingCore implements AutoCloseable {

    /** Who the desk journal names for the controls the engine sets itself. */
    public static final String ENGINE = "engine";

    /** An account event as the core took it: the state after it, or that its key was seen before. */
    public record Applied(AccountState state, boolean duplicate) {
    }

    /**
     * What a decision worked out against the state: its result, the orders it approved (they become working orders)
     * and the claims that did not reconcile.
     */
    public record Decided<T>(T result, String decisionId, Instant at, List<AccountEvent.ApprovedOrder> orders,
                             List<ReconciliationBreak> breaks) {
    }

    private static final class Slot {
        final ReentrantLock lock = new ReentrantLock();
        volatile AccountState state;

        Slot(AccountState state) {
            this.state = state;
        }
    }

    private static final class Market {
        final Map<Duration, MarketStream> streams = new TreeMap<>();
        long position;
        volatile MarketStream latest;
        /** The venue's latest mark price and funding rate; null for spot and until the venue publishes one. */
        volatile MarkPrice venueMark;
    }

    private final Journal journal;
    private final AccountBook book;
    private final FeatureSet features;
    private final Map<String, Slot> accounts = new ConcurrentHashMap<>();
    private final Map<String, Market> markets = new ConcurrentHashMap<>();
    private final Object deskLock = new Object();
    private volatile DeskState desk = DeskState.EMPTY;

    /** A core that starts from what {@code journal} holds: each account's last snapshot and its tail, every bar. */
    public TradingCore(Journal journal, StateSettings settings, FeatureSet features) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.book = new AccountBook(settings);
        this.features = Objects.requireNonNull(features, "features");
        for (Journal.Entry<DeskEvent> entry : journal.deskEvents()) {
            desk = desk.apply(entry.position(), entry.event());
        }
        for (String symbol : journal.symbols()) {
            Market market = market(symbol);
            for (Journal.Entry<MarketEvent> entry : journal.marketEvents(symbol)) {
                switch (entry.event()) {
                    case BarEvent e -> accept(market, e.bar());
                    case MarkPriceEvent e -> market.venueMark = e.mark();
                }
                market.position = entry.position();
            }
        }
        for (String accountId : journal.accounts()) {
            AccountState state = journal.lastSnapshot(accountId).map(Journal.Snapshot::state)
                    .orElse(AccountState.empty(accountId));
            for (Journal.Entry<AccountEvent> entry : journal.accountEvents(accountId, state.journalPosition())) {
                state = book.apply(state, entry.position(), entry.event());
            }
            accounts.put(accountId, new Slot(state));
        }
    }

    public StateSettings settings() {
        return book.settings();
    }

    /** The account's state now (an account nothing happened to is empty, not an error). */
    public AccountState account(String accountId) {
        Slot slot = accounts.get(accountId);
        return slot == null ? AccountState.empty(accountId) : slot.state;
    }

    /** Every account the engine holds state for, sorted. */
    public List<String> accountIds() {
        return accounts.keySet().stream().sorted().toList();
    }

    /**
     * Validates, journals and applies an account event, after the day roll and expiries its time brings.
     *
     * @param key an idempotency key (fill id, transfer id), or null
     * @throws InvalidEventException when the event does not fit the account's state (nothing is journaled)
     */
    public Applied submit(AccountEvent event, String key) {
        Slot slot = slot(event.accountId());
        slot.lock.lock();
        try {
            EventChecks.check(slot.state, event);
            housekeeping(slot, event.at());
            AccountState before = slot.state;
            long position = before.journalPosition() + 1;
            if (!journal.append(event.accountId(), position, key, event)) {
                return new Applied(before, true);
            }
            apply(slot, position, event);
            if (event instanceof AccountEvent.Filled filled) {
                remark(slot, filled);
            }
            return new Applied(slot.state, false);
        } finally {
            slot.lock.unlock();
        }
    }

    /** Journals and applies an officer's instrument or global action; decisions that start afterwards see it. */
    public DeskState submit(DeskEvent event) {
        DeskState.check(event);
        synchronized (deskLock) {
            long position = desk.journalPosition() + 1;
            journal.append(position, event);
            desk = desk.apply(position, event);
            return desk;
        }
    }

    /** The desk's controls in force now. */
    public DeskState desk() {
        return desk;
    }

    /**
     * Journals and applies a bar, then moves the marks of the accounts that hold or work its instrument.
     *
     * @return false for an identical repeat of the latest bar (ignored)
     * @throws dev.arbiter.kb.InvalidFactException when the bar policy refuses it (out of order, a different bar at a
     *                                             kept time); nothing is journaled
     */
    public boolean bar(Bar bar) {
        Market market = market(bar.symbol());
        synchronized (market) {
            MarketStream stream = market.streams.get(bar.period());
            if (stream != null && stream.view() != null && stream.view().lastBar().equals(bar)) {
                return false;
            }
            // a scratch check first, so a refused bar leaves both the journal and the stream untouched
            check(stream, bar);
            haltAfterSilence(stream, bar);
            journal.append(bar.symbol(), market.position + 1, new BarEvent(bar));
            market.position++;
            accept(market, bar);
        }
        if (MarkPrice.valuation(bar, market.venueMark).compareTo(bar.close()) == 0) {
            markHolders(bar.symbol(), bar.endTime(), bar.close());
        }
        return true;
    }

    /**
     * A venue's halt or a delisting shows as bars that stop: when they resume after {@link StateSettings#venueHaltGap}
     * or longer, the instrument is halted before the first of them is taken, with the silence as evidence, and stays
     * halted until an officer resumes it; the returning bars never reopen it (a relisted symbol can be another asset).
     */
    private void haltAfterSilence(MarketStream stream, Bar bar) {
        Duration gap = settings().venueHaltGap();
        if (gap == null || stream == null || stream.view() == null) {
            return;
        }
        Instant silentFrom = stream.view().lastBar().endTime();
        Duration silence = Duration.between(silentFrom, bar.openTime());
        boolean halted = desk.controls().stream().anyMatch(c -> c.scope() == HaltScope.INSTRUMENT
                && c.target().equals(bar.symbol()) && c.state() == TradingState.HALTED);
        if (silence.compareTo(gap) >= 0 && !halted) {
            submit(new DeskEvent(bar.openTime(), HaltScope.INSTRUMENT, bar.symbol(), OfficerAction.HALT, ENGINE,
                    "no market data from " + silentFrom + " to " + bar.openTime() + " (" + hours(silence)
                            + "), at least the venue-halt gap of " + hours(gap) + ": a venue halt or a delisting;"
                            + " it trades again when an officer resumes it, once the instrument is checked"));
        }
    }

    private static String hours(Duration d) {
        return d.toMinutes() % 60 == 0 ? d.toHours() + " h" : d.toMinutes() + " min";
    }

    /**
     * Journals a perpetual's mark price and funding rate as its venue published them, then moves the marks of the
     * accounts that hold or work it, unless the mark lags the instrument's bars (then the last close stands).
     *
     * @return false for an identical repeat of the latest mark (ignored)
     * @throws dev.arbiter.kb.InvalidFactException when the mark is not newer than the latest one; nothing is journaled
     */
    public boolean markPrice(MarkPrice mark) {
        Market market = market(mark.symbol());
        synchronized (market) {
            MarkPrice latest = market.venueMark;
            if (mark.equals(latest)) {
                return false;
            }
            if (latest != null && !mark.time().isAfter(latest.time())) {
                throw new dev.arbiter.kb.InvalidFactException("MarkPrice", "time", mark.time(), "a time after "
                        + latest.time() + ", the latest mark's (marks must arrive in time order, each once)");
            }
            journal.append(mark.symbol(), market.position + 1, new MarkPriceEvent(mark));
            market.position++;
            market.venueMark = mark;
        }
        MarketStream stream = market.latest;
        if (stream == null || stream.view() == null
                || MarkPrice.valuation(stream.view().lastBar(), mark).compareTo(mark.price()) == 0) {
            markHolders(mark.symbol(), mark.time(), mark.price());
        }
        return true;
    }

    /** The venue's latest marks of these instruments, those that have one, by symbol. */
    public List<MarkPrice> markPrices(Collection<String> symbols) {
        List<MarkPrice> marks = new ArrayList<>();
        for (String symbol : symbols.stream().sorted().distinct().toList()) {
            Market market = markets.get(symbol);
            if (market != null && market.venueMark != null) {
                marks.add(market.venueMark);
            }
        }
        return marks;
    }

    private void markHolders(String symbol, Instant at, BigDecimal price) {
        for (Slot slot : accounts.values()) {
            AccountState state = slot.state;
            if (state.position(symbol).isPresent()
                    || state.workingOrders().stream().anyMatch(o -> o.symbol().equals(symbol))) {
                submit(new AccountEvent.Marked(state.accountId(), at, symbol, price), null);
            }
        }
    }

    /** The latest views of these instruments (the most recently fed period of each), those with market data. */
    public List<MarketView> views(Collection<String> symbols) {
        List<MarketView> views = new ArrayList<>();
        for (String symbol : symbols.stream().sorted().distinct().toList()) {
            MarketStream latest = latest(symbol);
            if (latest != null && latest.view() != null) {
                views.add(latest.view());
            }
        }
        return views;
    }

    /** The bars kept for an instrument's most recently fed period, oldest first. */
    public List<Bar> bars(String symbol) {
        MarketStream latest = latest(symbol);
        return latest == null ? List.of() : latest.bars();
    }

    /** {@link #bars} as a request's rows: the same list until the instrument's next bar. */
    public List<MarketSeries.Row> rows(String symbol) {
        MarketStream latest = latest(symbol);
        return latest == null ? List.of() : latest.rows();
    }

    /** The instrument's most recently fed period, or null before its first bar. */
    private MarketStream latest(String symbol) {
        Market market = markets.get(symbol);
        return market == null ? null : market.latest;
    }

    /** The position of the instrument's market journal: how many bars it holds. */
    public long marketPosition(String symbol) {
        Market market = markets.get(symbol);
        return market == null ? 0 : market.position;
    }

    /**
     * Runs a decision against the account's state, with the account's lock held (other accounts go on in parallel),
     * after the day roll and expiries {@code asOf} brings; then journals what it concluded: the claims that did not
     * reconcile, and the decision with the orders it approved.
     */
    public <T> T decide(String accountId, Instant asOf, Function<AccountState, Decided<T>> work) {
        Slot slot = slot(accountId);
        slot.lock.lock();
        try {
            housekeeping(slot, asOf);
            Decided<T> decided = work.apply(slot.state);
            if (!decided.breaks().isEmpty()) {
                append(slot, new AccountEvent.Reconciled(accountId, decided.at(), "decision " + decided.decisionId(),
                        decided.breaks()));
            }
            append(slot, new AccountEvent.Decided(accountId, decided.at(), decided.decisionId(), decided.orders()));
            return decided.result();
        } finally {
            slot.lock.unlock();
        }
    }

    @Override
    public void close() {
        journal.close();
    }

    private void housekeeping(Slot slot, Instant at) {
        AccountState state = slot.state;
        Instant now = state.lastEventAt() == null || at.isAfter(state.lastEventAt()) ? at : state.lastEventAt();
        if (state.opened() && settings().newDay(state.tradingDayStart(), now)) {
            append(slot, new AccountEvent.DayRolled(state.accountId(), now, settings().dayStartOf(now)));
        }
        List<WorkingOrder> expired = slot.state.workingOrders().stream()
                .filter(o -> o.status() == OrderStatus.APPROVED && !o.expiresAt().isAfter(now))
                .sorted(Comparator.comparing(WorkingOrder::expiresAt).thenComparing(WorkingOrder::orderId))
                .toList();
        for (WorkingOrder order : expired) {
            append(slot, new AccountEvent.OrderExpired(state.accountId(), now, order.orderId()));
        }
    }

    /**
     * Marks are the market's: a fill books at its own price, and where the instrument's market data is newer than the
     * fill (a fill reported late), the position is valued at the market's valuation price rather than at the fill's.
     */
    private void remark(Slot slot, AccountEvent.Filled filled) {
        Market market = markets.get(filled.symbol());
        MarketStream latest = market == null ? null : market.latest;
        if (latest == null || latest.view() == null) {
            return;
        }
        Bar last = latest.view().lastBar();
        BigDecimal price = MarkPrice.valuation(last, market.venueMark);
        boolean holds = slot.state.position(filled.symbol()).isPresent();
        boolean marked = slot.state.mark(filled.symbol()).map(m -> m.price().compareTo(price) == 0).orElse(false);
        if (holds && !marked && last.endTime().isAfter(filled.at())) {
            append(slot, new AccountEvent.Marked(filled.accountId(), filled.at(), filled.symbol(), price));
        }
    }

    private void append(Slot slot, AccountEvent event) {
        long position = slot.state.journalPosition() + 1;
        journal.append(event.accountId(), position, null, event);
        apply(slot, position, event);
    }

    private void apply(Slot slot, long position, AccountEvent event) {
        slot.state = book.apply(slot.state, position, event);
        if (position % settings().snapshotEvery() == 0) {
            journal.saveSnapshot(new Journal.Snapshot(slot.state, StateHash.of(slot.state)));
        }
    }

    private Slot slot(String accountId) {
        return accounts.computeIfAbsent(accountId, id -> new Slot(AccountState.empty(id)));
    }

    private Market market(String symbol) {
        return markets.computeIfAbsent(symbol, s -> new Market());
    }

    private void accept(Market market, Bar bar) {
        MarketStream stream = market.streams.computeIfAbsent(bar.period(),
                p -> new MarketStream(bar.symbol(), p, features, settings().barsKept()));
        if (stream.accept(bar)) {
            market.latest = stream;
        }
    }

    /** Refuses a bar the stream would refuse, before anything is journaled. */
    private static void check(MarketStream stream, Bar bar) {
        if (stream == null || stream.view() == null) {
            return;
        }
        Bar last = stream.view().lastBar();
        if (bar.openTime().equals(last.openTime())) {
            throw new dev.arbiter.kb.InvalidFactException("Bar", "openTime", bar.openTime(),
                    "a new time; a bar already exists at this time with other values (duplicate bar)");
        }
        if (bar.openTime().isBefore(last.endTime())) {
            throw new dev.arbiter.kb.InvalidFactException("Bar", "openTime", bar.openTime(),
                    "a time at or after " + last.endTime() + ", the end of the last bar (bars must arrive in time order)");
        }
    }

    /** Test and tool access: the account states by id, sorted. */
    public Map<String, AccountState> states() {
        Map<String, AccountState> states = new TreeMap<>();
        accounts.forEach((id, slot) -> states.put(id, slot.state));
        return states;
    }

    /** The view of one instrument, if it has market data. */
    public Optional<MarketView> view(String symbol) {
        return views(List.of(symbol)).stream().findFirst();
    }
}
