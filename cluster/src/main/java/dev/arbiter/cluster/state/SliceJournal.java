package dev.arbiter.cluster.state;

import dev.arbiter.engine.state.AccountEvent;
import dev.arbiter.engine.state.BarEvent;
import dev.arbiter.engine.state.DeskEvent;
import dev.arbiter.engine.state.Journal;
import dev.arbiter.engine.state.MarkPriceEvent;
import dev.arbiter.engine.state.MarketEvent;
import dev.arbiter.engine.state.StateHash;
import dev.arbiter.kb.state.AccountState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One account's journal inside the job: a core built on it starts from the account's state (the snapshot) and its
 * store's market and desk events, and what the core appends goes to the store. Account events need no tail: the
 * state they fold to is written back after every input.
 */
public final class SliceJournal implements Journal {

    private final String accountId;
    private final AccountState start;
    private final AccountStore store;

    public SliceJournal(AccountState start, AccountStore store) {
        this.accountId = start.accountId();
        this.start = start;
        this.store = store;
    }

    @Override
    public boolean append(String account, long position, String key, AccountEvent event) {
        requireOwn(account);
        return key == null || store.addKey(key);
    }

    @Override
    public void append(String symbol, long position, MarketEvent event) {
        store.appendMarket(event);
    }

    @Override
    public void append(long position, DeskEvent event) {
        store.appendDesk(event);
    }

    @Override
    public List<Entry<DeskEvent>> deskEvents() {
        List<DeskEvent> desk = store.desk();
        List<Entry<DeskEvent>> entries = new ArrayList<>(desk.size());
        for (int i = 0; i < desk.size(); i++) {
            entries.add(new Entry<>(i + 1, desk.get(i)));
        }
        return entries;
    }

    @Override
    public List<Entry<AccountEvent>> accountEvents(String account, long afterPosition) {
        return List.of();
    }

    @Override
    public List<Entry<MarketEvent>> marketEvents(String symbol) {
        List<Entry<MarketEvent>> events = new ArrayList<>();
        for (MarketEvent event : store.market()) {
            if (symbolOf(event).equals(symbol)) {
                events.add(new Entry<>(events.size() + 1, event));
            }
        }
        return events;
    }

    @Override
    public List<String> accounts() {
        return List.of(accountId);
    }

    @Override
    public List<String> symbols() {
        return store.market().stream().map(SliceJournal::symbolOf).distinct().toList();
    }

    @Override
    public void saveSnapshot(Snapshot snapshot) {
        // every input ends with the account's state written back, so the core's periodic snapshots add nothing
    }

    @Override
    public Optional<Snapshot> lastSnapshot(String account) {
        requireOwn(account);
        return Optional.of(new Snapshot(start, StateHash.of(start)));
    }

    private void requireOwn(String account) {
        if (!accountId.equals(account)) {
            throw new IllegalStateException("the journal of account " + accountId + " was asked about " + account);
        }
    }

    private static String symbolOf(MarketEvent event) {
        return switch (event) {
            case BarEvent e -> e.bar().symbol();
            case MarkPriceEvent e -> e.mark().symbol();
        };
    }
}
