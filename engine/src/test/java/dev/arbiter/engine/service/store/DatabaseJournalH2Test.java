package dev.arbiter.engine.service.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The journal's contract on the embedded default: an H2 file database, as the service opens it. */
class DatabaseJournalH2Test extends DatabaseJournalContract {

    @TempDir
    Path directory;

    @Override
    protected String newDatabase() {
        return "jdbc:h2:file:" + directory.resolve("arbiter") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    }

    @Override
    protected String user() {
        return "sa";
    }
}
