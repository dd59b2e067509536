package dev.arbiter.engine.service.store;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** Verifies the audit chain of a database directly, without starting the service (for the command line). */
public final class DatabaseAudit {

    /** The embedded default's database, as the service opens it when nothing is configured. */
    public static final String EMBEDDED_URL = "jdbc:h2:file:./var/arbiter";

    private DatabaseAudit() {
    }

    public static AuditReport verify(String url, String user, String password) {
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(
                url.startsWith("jdbc:h2:") && !url.contains("IFEXISTS") ? url + ";IFEXISTS=TRUE" : url, user, password, true);
        try {
            return new AuditVerifier(new JdbcTemplate(dataSource)).verify();
        } finally {
            dataSource.destroy();
        }
    }
}
