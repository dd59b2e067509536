package dev.arbiter.engine.state;

import dev.arbiter.kb.fact.KillSwitch;
import dev.arbiter.kb.fact.TradingControl;
import dev.arbiter.kb.fact.TradingState;
import dev.arbiter.kb.outcome.HaltScope;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The controls officers set beyond single accounts: instrument and global trading states in force, and the desk's
 * kill switch. The fold of the desk journal.
 *
 * @param controls   the states in force other than ACTIVE, sorted by scope and target
 * @param killSwitch the desk's kill switch when engaged, else null
 */
public record DeskState(long journalPosition, List<TradingControl> controls, KillSwitch killSwitch) {

    public static final DeskState EMPTY = new DeskState(0, List.of(), null);

    public DeskState {
        controls = List.copyOf(controls);
    }

    DeskState apply(long position, DeskEvent e) {
        List<TradingControl> next = new ArrayList<>(controls);
        next.removeIf(c -> c.scope() == e.scope() && c.target().equals(e.target()));
        KillSwitch kill = killSwitch;
        switch (e.action()) {
            case HALT -> next.add(new TradingControl(e.scope(), e.target(), TradingState.HALTED, e.by(), e.reason()));
            case REDUCE_ONLY -> next.add(new TradingControl(e.scope(), e.target(), TradingState.REDUCING, e.by(), e.reason()));
            case RESUME -> { }
            case ENGAGE_KILL_SWITCH -> {
                next = new ArrayList<>(controls);
                kill = new KillSwitch(true, e.by(), e.at(), e.reason());
            }
            case RELEASE_KILL_SWITCH -> {
                next = new ArrayList<>(controls);
                kill = null;
            }
        }
        next.sort(Comparator.comparing((TradingControl c) -> c.scope().name()).thenComparing(TradingControl::target));
        return new DeskState(position, next, kill);
    }

    /** Whether the action fits its scope: the kill switch is the desk's (GLOBAL) or an account's, not an instrument's. */
    public static void check(DeskEvent e) {
        if (e.scope() == HaltScope.ACCOUNT) {
            throw new InvalidEventException("scope", "ACCOUNT", "INSTRUMENT or GLOBAL for a desk action");
        }
        if (e.scope() == HaltScope.INSTRUMENT && (e.action() == OfficerAction.ENGAGE_KILL_SWITCH
                || e.action() == OfficerAction.RELEASE_KILL_SWITCH)) {
            throw new InvalidEventException("scope", "INSTRUMENT", "ACCOUNT or GLOBAL for the kill switch");
        }
    }
}
