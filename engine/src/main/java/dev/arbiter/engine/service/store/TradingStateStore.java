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
 * The audit trail of officers' actions: halt / reduce-only / resume changes and kill-switch changes, each an audit
 * record. What is in force is the engine's state (the account and desk journals), not this table.
 */
public final class TradingStateStore {

    /** A change as stored. */
    public record Change(long changeId, HaltScope scope, String target, TradingState state, String reason,
                        String actor, String changedAt) {
    }

    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final Object changing = new Object();

    public TradingStateStore(JdbcTemplate jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Records a change and waits until it is committed; decisions starting afterwards see it. */
    public Change change(HaltScope scope, String target, TradingState state, String reason, String actor) {
        new TradingControl(scope, target, state, actor, reason); // the same checks a rule's fact gets
        synchronized (changing) {
            Long id = jdbc.queryForObject("select coalesce(max(change_id), 0) + 1 from trading_state_change", Long.class);
            String at = clock.instant().toString();
            audit.append(AuditKind.TRADING_STATE, String.valueOf(id), Map.of("change_id", id, "scope", scope.name(),
                    "target", target, "state", state.name(), "reason", reason, "actor", actor, "changed_at", at)).join();
            return new Change(id, scope, target, state, reason, actor, at);
        }
    }

    /** Records an officer engaging or releasing a kill switch, as an audit record, and waits until it is committed. */
    public void killSwitch(HaltScope scope, String target, boolean engaged, String reason, String actor) {
        synchronized (changing) {
            Long id = jdbc.queryForObject("select coalesce(max(change_id), 0) + 1 from kill_switch_change", Long.class);
            audit.append(AuditKind.KILL_SWITCH, String.valueOf(id), Map.of("change_id", id, "scope", scope.name(),
                    "target", target, "engaged", String.valueOf(engaged), "reason", reason, "actor", actor,
                    "changed_at", clock.instant().toString())).join();
        }
    }

    public List<Change> history() {
        return jdbc.query("select * from trading_state_change order by change_id", (rs, n) -> new Change(
                rs.getLong("change_id"), HaltScope.valueOf(rs.getString("scope")), rs.getString("target"),
                TradingState.valueOf(rs.getString("state")), rs.getString("reason"), rs.getString("actor"),
                rs.getString("changed_at")));
    }

}
