package dev.arbiter.engine.state;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A journal that hands every call to another: the base for one that also watches (counts, records) or hides part of
 * what it holds (its snapshots, to fold from the first event), overriding only that.
 */
public abstract class ForwardingJournal implements Journal {

    private final Journal journal;

    protected ForwardingJournal(Journal journal) {
        this.journal = Objects.requireNonNull(journal, "journal");
    }

    @Override
    public boolean append(String accountId, long position, String key, AccountEvent event) {
        return journal.append(accountId, position, key, event);
    }

    @Override
    public void append(String symbol, long position, MarketEvent event) {
        journal.append(symbol, position, event);
    }

    @Override
    public void append(long position, DeskEvent event) {
        journal.append(position, event);
    }

    @Override
    public List<Entry<DeskEvent>> deskEvents() {
        return journal.deskEvents();
    }

    @Override
    public List<Entry<AccountEvent>> accountEvents(String accountId, long afterPosition) {
        return journal.accountEvents(accountId, afterPosition);
    }

    @Override
    public List<Entry<MarketEvent>> marketEvents(String symbol) {
        return journal.marketEvents(symbol);
    }

    @Override
    public List<String> accounts() {
        return journal.accounts();
    }

    @Override
    public List<String> symbols() {
        return journal.symbols();
    }

    @Override
    public void saveSnapshot(Snapshot snapshot) {
        journal.saveSnapshot(snapshot);
    }

    @Override
    public Optional<Snapshot> lastSnapshot(String accountId) {
        return journal.lastSnapshot(accountId);
    }

    @Override
    public void close() {
        journal.close();
    }
}
