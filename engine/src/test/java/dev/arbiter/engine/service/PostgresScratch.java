package dev.arbiter.engine.service;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A scratch PostgreSQL database per test class on the local server (127.0.0.1:5432, user postgres, or
 * ARBITER_TEST_PG_HOST / _PORT / _USER), dropped when the test JVM exits. Tests skip, saying why, when
 * the server cannot be reached.
 */
public final class PostgresScratch {

    static final String HOST = env("ARBITER_TEST_PG_HOST", "127.0.0.1");
    static final String PORT = env("ARBITER_TEST_PG_PORT", "5432");
    public static final String USER = env("ARBITER_TEST_PG_USER", "postgres");

    /** Users the tests sign in as, one per role, with the configured-users format production uses. */
    static final String USERS = "trader:{noop}trader-pw:trader;risk-officer:{noop}risk-pw:risk-officer;"
            + "risk-officer-2:{noop}risk2-pw:risk-officer;"
            + "auditor:{noop}auditor-pw:auditor;admin:{noop}admin-pw:admin";

    private PostgresScratch() {
    }

    /** Skips the calling test class unless the local PostgreSQL answers. */
    public static void assumeReachable() {
        try (Connection c = connect("test")) {
            Assumptions.assumeTrue(c.isValid(2), "PostgreSQL at " + HOST + ":" + PORT + " does not answer");
        } catch (SQLException e) {
            Assumptions.abort("PostgreSQL at " + HOST + ":" + PORT + " (user " + USER + ", database test) is not"
                    + " reachable, so the database tests are skipped: " + e.getMessage());
        }
    }

    /** Creates a fresh database and points the service at it, with the test users. */
    static String register(DynamicPropertyRegistry registry, String purpose) {
        String name = create(purpose);
        registry.add("spring.datasource.url", () -> url(name));
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> "");
        registry.add("arbiter.users", () -> USERS);
        // Spring keeps each test class's service alive for reuse; small pools keep them all under the
        // server's connection limit
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> 4);
        registry.add("spring.datasource.hikari.minimum-idle", () -> 1);
        return name;
    }

    public static String create(String purpose) {
        String name = "arbiter_it_" + purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "") + "_"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
        try (Connection c = connect("test"); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create scratch database " + name, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(name)));
        return name;
    }

    public static String url(String database) {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
    }

    static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), USER, "");
    }

    private static void drop(String name) {
        try (Connection c = connect("test"); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
        } catch (SQLException e) {
            System.err.println("could not drop scratch database " + name + ": " + e.getMessage());
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
