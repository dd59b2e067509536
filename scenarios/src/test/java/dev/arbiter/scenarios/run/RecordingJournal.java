package dev.arbiter.scenarios.run;

import dev.arbiter.engine.state.AccountEvent;
import dev.arbiter.engine.state.MarketEvent;
import dev.arbiter.engine.state.DeskEvent;
import dev.arbiter.engine.state.ForwardingJournal;
import dev.arbiter.engine.state.InMemoryJournal;
import java.util.ArrayList;
import java.util.List;

/** A journal in memory that also keeps every append in the order it happened, across accounts and instruments. */
final class RecordingJournal extends ForwardingJournal {

    private final List<Object> appended = new ArrayList<>();

    RecordingJournal() {
        super(new InMemoryJournal());
    }

    /** Every event appended (account events, bars, desk events), in order. */
    synchronized List<Object> appended() {
        return List.copyOf(appended);
    }

    @Override
    public synchronized boolean append(String accountId, long position, String key, AccountEvent event) {
        boolean added = super.append(accountId, position, key, event);
        if (added) {
            appended.add(event);
        }
        return added;
    }

    @Override
    public synchronized void append(String symbol, long position, MarketEvent event) {
        super.append(symbol, position, event);
        appended.add(event);
    }

    @Override
    public synchronized void append(long position, DeskEvent event) {
        super.append(position, event);
        appended.add(event);
    }
}
