package dev.arbiter.engine.state;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A journal held in memory: for the command line and the scenario runner, where a run's events need not outlive it.
 * Same contract as the database journal the service uses.
 */
public final class InMemoryJournal implements Journal {

    private final Map<String, List<Entry<AccountEvent>>> accounts = new LinkedHashMap<>();
    private final Map<String, Set<String>> keys = new LinkedHashMap<>();
    private final Map<String, List<Entry<MarketEvent>>> markets = new LinkedHashMap<>();
    private final Map<String, Snapshot> snapshots = new LinkedHashMap<>();
    private final List<Entry<DeskEvent>> desk = new ArrayList<>();

    @Override
    public synchronized void append(long position, DeskEvent event) {
        desk.add(new Entry<>(position, event));
    }

    @Override
    public synchronized List<Entry<DeskEvent>> deskEvents() {
        return List.copyOf(desk);
    }

    @Override
    public synchronized boolean append(String accountId, long position, String key, AccountEvent event) {
        if (key != null && !keys.computeIfAbsent(accountId, a -> new HashSet<>()).add(key)) {
            return false;
        }
        accounts.computeIfAbsent(accountId, a -> new ArrayList<>()).add(new Entry<>(position, event));
        return true;
    }

    @Override
    public synchronized void append(String symbol, long position, MarketEvent event) {
        markets.computeIfAbsent(symbol, s -> new ArrayList<>()).add(new Entry<>(position, event));
    }

    @Override
    public synchronized List<Entry<AccountEvent>> accountEvents(String accountId, long afterPosition) {
        return accounts.getOrDefault(accountId, List.of()).stream().filter(e -> e.position() > afterPosition).toList();
    }

    @Override
    public synchronized List<Entry<MarketEvent>> marketEvents(String symbol) {
        return List.copyOf(markets.getOrDefault(symbol, List.of()));
    }

    @Override
    public synchronized List<String> accounts() {
        return List.copyOf(accounts.keySet());
    }

    @Override
    public synchronized List<String> symbols() {
        return List.copyOf(markets.keySet());
    }

    @Override
    public synchronized void saveSnapshot(Snapshot snapshot) {
        snapshots.put(snapshot.state().accountId(), snapshot);
    }

    @Override
    public synchronized Optional<Snapshot> lastSnapshot(String accountId) {
        return Optional.ofNullable(snapshots.get(accountId));
    }
}
