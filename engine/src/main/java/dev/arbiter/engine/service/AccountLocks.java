package dev.arbiter.engine.service;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises work per account while accounts run in parallel: one fair lock per stripe, an account's
 * stripe chosen by its id. Bounded memory whatever the number of accounts; two accounts share a
 * stripe only by hash collision (1 in {@value #STRIPES}).
 */
final class AccountLocks {

    static final int STRIPES = 1024;
    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

    AccountLocks() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock(true);
        }
    }

    ReentrantLock of(String accountId) {
        return stripes[Math.floorMod(accountId.hashCode() * 0x9E3779B9, STRIPES)];
    }
}
