package dev.arbiter.cluster.state;

import dev.arbiter.engine.stream.AccountRecord;
import dev.arbiter.kb.state.AccountState;

/**
 * The small part of what the job keeps for one account, as one value of Flink keyed state; the parts that only grow
 * (idempotency keys, market and desk events) are in an {@link AccountStore} beside it. Together they are what a
 * restart or a failover rebuilds the account's core from, and nothing else: no rule session, solver or indicator
 * object is ever in a checkpoint.
 *
 * @param state          the account's state, the fold of its journal
 * @param deskBroadcasts   how many of the desk's broadcast actions the account's core has applied
 * @param marketBroadcasts how many of the broadcast bars and marks the account's core has taken
 * @param head             where the account's chain of answers stands
 */
public record AccountSlice(AccountState state, long deskBroadcasts, long marketBroadcasts, AccountRecord.Head head) {

    /** An account nothing has happened to yet. */
    public static AccountSlice empty(String accountId) {
        return new AccountSlice(AccountState.empty(accountId), 0, 0, AccountRecord.Head.START);
    }
}
