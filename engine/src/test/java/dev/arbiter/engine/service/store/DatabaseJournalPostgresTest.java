package dev.arbiter.engine.service.store;

import dev.arbiter.engine.service.PostgresScratch;
import org.junit.jupiter.api.BeforeAll;

/**
 * The journal's contract on PostgreSQL: a scratch database per test on the local server; skipped, saying why, when
 * none answers.
 */
class DatabaseJournalPostgresTest extends DatabaseJournalContract {

    @BeforeAll
    static void requireServer() {
        PostgresScratch.assumeReachable();
    }

    @Override
    protected String newDatabase() {
        return PostgresScratch.url(PostgresScratch.create("journal"));
    }

    @Override
    protected String user() {
        return PostgresScratch.USER;
    }
}
