package dev.arbiter.engine.cli;

import dev.arbiter.engine.json.ArbiterJson;
import dev.arbiter.engine.service.store.AuditReport;
import dev.arbiter.engine.service.store.DatabaseAudit;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code arbiter audit verify}: checks the stored audit chain and names the first bad record. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Check the audit chain of stored decisions and changes.",
        subcommands = AuditCommand.Verify.class)
final class AuditCommand implements Runnable {

    @Override
    public void run() {
        System.err.println("Missing command: choose verify");
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Walk the audit chain from its first record and name the first one that was edited, deleted or"
                    + " reordered. Exit code 0 when intact, 1 when not.",
                    "Reads the database directly: the embedded one (stop the service first, H2 allows one process)"
                            + " or the one in ARBITER_DB_URL / --db-url."})
    static final class Verify implements Callable<Integer> {

        @Option(names = "--db-url", paramLabel = "JDBC-URL", description = "database (default: $ARBITER_DB_URL, else the embedded ./var/arbiter)")
        private String url;

        @Option(names = "--db-user", paramLabel = "USER", description = "database user (default: $ARBITER_DB_USER, else sa)")
        private String user;

        @Override
        public Integer call() {
            String dbUrl = firstOf(url, System.getenv("ARBITER_DB_URL"), DatabaseAudit.EMBEDDED_URL);
            String dbUser = firstOf(user, System.getenv("ARBITER_DB_USER"), "sa");
            String password = firstOf(System.getenv("ARBITER_DB_PASSWORD"), "", "");
            AuditReport report;
            try {
                report = DatabaseAudit.verify(dbUrl, dbUser, password);
            } catch (RuntimeException e) {
                System.err.println("audit verify: could not read the audit chain of " + dbUrl + ": " + e.getMessage());
                return 1;
            }
            System.out.println(ArbiterJson.mapper().writeValueAsString(report));
            if (report.intact()) {
                System.err.println("audit chain intact: " + report.recordsChecked() + " records");
                return 0;
            }
            AuditReport.FirstBad bad = report.firstBad();
            System.err.println("audit chain BROKEN at record " + bad.seq() + " (" + bad.kind() + " " + bad.subject() + "): "
                    + bad.problem());
            return 1;
        }

        private static String firstOf(String... values) {
            for (String value : values) {
                if (value != null && !value.isBlank()) {
                    return value;
                }
            }
            return values[values.length - 1];
        }
    }
}
