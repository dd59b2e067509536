package dev.arbiter.engine.state;

import dev.arbiter.kb.state.AccountState;
import java.util.List;
import java.util.Optional;

/**
 * Where events are appended, durably, before they are acknowledged: one sequence per account and one per
 * instrument's market data, and the snapshots a restart starts from. Appends for one stream come from one writer at
 * a time (the core holds the stream's lock); different streams append in parallel.
 */
public interface Journal extends AutoCloseable {

    /** An event with its position in its stream. */
    record Entry<E>(long position, E event) {
    }

    /** A snapshot of an account and the hash of its state. */
    record Snapshot(AccountState state, String hash) {
    }

    /**
     * Appends an account event at {@code position} (the stream's next).
     *
     * @param key an idempotency key (a fill id, a transfer id), or null: an event whose key the account's journal
     *            already holds is not appended
     * @return false when the key was already journaled (nothing appended)
     */
    boolean append(String accountId, long position, String key, AccountEvent event);

    /** Appends a bar or a mark at {@code position} of its instrument's market stream. */
    void append(String symbol, long position, MarketEvent event);

    /** Appends an officer's desk-wide action at {@code position} of the desk journal. */
    void append(long position, DeskEvent event);

    /** The desk journal, in order. */
    List<Entry<DeskEvent>> deskEvents();

    /** Account events after {@code position}, in order. */
    List<Entry<AccountEvent>> accountEvents(String accountId, long afterPosition);

    /** Every bar and mark of the instrument's market stream, in order. */
    List<Entry<MarketEvent>> marketEvents(String symbol);

    /** Every account with a journal. */
    List<String> accounts();

    /** Every instrument with market data. */
    List<String> symbols();

    void saveSnapshot(Snapshot snapshot);

    Optional<Snapshot> lastSnapshot(String accountId);

    @Override
    default void close() {
    }
}
