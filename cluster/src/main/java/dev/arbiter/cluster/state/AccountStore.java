package dev.arbiter.cluster.state;

import dev.arbiter.engine.state.DeskEvent;
import dev.arbiter.engine.state.MarketEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The parts of an account's journal that only grow: the idempotency keys it holds, the market events its core took
 * (indicators are rebuilt from them) and the desk's actions as its core applied them. In the job these are Flink
 * keyed state (appends cost one element, not a copy); {@link #inMemory()} is the same for a single process.
 */
public interface AccountStore {

    /** Records a key; false when it is already held. */
    boolean addKey(String key);

    void appendMarket(MarketEvent event);

    /** Every market event so far, in order. */
    List<MarketEvent> market();

    void appendDesk(DeskEvent event);

    /** Every desk action so far, in order. */
    List<DeskEvent> desk();

    static AccountStore inMemory() {
        return new AccountStore() {
            private final Set<String> keys = new HashSet<>();
            private final List<MarketEvent> market = new ArrayList<>();
            private final List<DeskEvent> desk = new ArrayList<>();

            @Override
            public boolean addKey(String key) {
                return keys.add(key);
            }

            @Override
            public void appendMarket(MarketEvent event) {
                market.add(event);
            }

            @Override
            public List<MarketEvent> market() {
                return List.copyOf(market);
            }

            @Override
            public void appendDesk(DeskEvent event) {
                desk.add(event);
            }

            @Override
            public List<DeskEvent> desk() {
                return List.copyOf(desk);
            }
        };
    }
}
