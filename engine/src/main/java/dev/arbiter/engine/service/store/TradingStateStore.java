package dev.arbiter.engine.service.store;

import dev.arbiter.kb.fact.TradingControl;
import dev.arbiter.kb.fact.TradingState;
import dev.arbiter.kb.outcome.HaltScope;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Halt / reduce-only / resume changes, each an audit record; the latest change per scope and target
 * is in force. The states in force are cached and refreshed on every change (this process is the
 * only writer).
 */
public final class TradingStateStore {

    /** A change as stored. */
    public record Change(long changeId, HaltScope scope, String target, TradingState state, String reason,
                        String actor, String changedAt) {
    }

    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final AtomicReference<List<TradingControl>> inForce = new AtomicReference<>();
    private final Object changing = new Object();

    public TradingStateStore(JdbcTemplate jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        inForce.set(load());
    }

    /** Records a change and waits until it is committed; decisions starting afterwards see it. */
    public Change change(HaltScope scope, String target, TradingState state, String reason, String actor) {
        new TradingControl(scope, target, state, actor, reason); // the same checks a rule's fact gets
        synchronized (changing) {
            Long id = jdbc.queryForObject("select coalesce(max(change_id), 0) + 1 from trading_state_change", Long.class);
            String at = clock.instant().toString();
            audit.append(AuditKind.TRADING_STATE, String.valueOf(id), Map.of("change_id", id, "scope", scope.name(),
                    "target", target, "state", state.name(), "reason", reason, "actor", actor, "changed_at", at)).join();
            inForce.set(load());
            return new Change(id, scope, target, state, reason, actor, at);
        }
    }

    /** Controls in force other than ACTIVE (an ACTIVE state is a resume: nothing to enforce). */
    public List<TradingControl> inForce() {
        return inForce.get();
    }

    public List<Change> history() {
        return jdbc.query("select * from trading_state_change order by change_id", (rs, n) -> new Change(
                rs.getLong("change_id"), HaltScope.valueOf(rs.getString("scope")), rs.getString("target"),
                TradingState.valueOf(rs.getString("state")), rs.getString("reason"), rs.getString("actor"),
                rs.getString("changed_at")));
    }

    private List<TradingControl> load() {
        return jdbc.query("select c.scope, c.target, c.state, c.actor, c.reason from trading_state_change c"
                + " where c.change_id = (select max(l.change_id) from trading_state_change l"
                + " where l.scope = c.scope and l.target = c.target) and c.state <> 'ACTIVE'"
                + " order by c.scope, c.target", (rs, n) -> new TradingControl(HaltScope.valueOf(rs.getString("scope")),
                rs.getString("target"), TradingState.valueOf(rs.getString("state")), rs.getString("actor"),
                rs.getString("reason")));
    }
}
