package dev.arbiter.image;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh PostgreSQL database for the image to run against, on the server the service tests use
 * (ARBITER_TEST_PG_HOST / _PORT / _USER, default 127.0.0.1:5432 as postgres); the test skips, saying so, without one.
 */
record DeployedDatabase(String name, String user, String url) {

    private static final String HOST = env("ARBITER_TEST_PG_HOST", "127.0.0.1");
    private static final String PORT = env("ARBITER_TEST_PG_PORT", "5432");
    private static final String USER = env("ARBITER_TEST_PG_USER", "postgres");

    static DeployedDatabase create() {
        String name = "arbiter_image_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
        try (Connection c = connect("test"); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            Assumptions.abort("PostgreSQL at " + HOST + ":" + PORT + " (user " + USER + ", database test) is not"
                    + " reachable, so the image is not run: " + e.getMessage());
        }
        return new DeployedDatabase(name, USER, url(name));
    }

    /** How many decisions the service stored. */
    int decisionsStored() throws SQLException {
        try (Connection c = connect(name); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("select count(*) from decision")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    void drop() throws SQLException {
        try (Connection c = connect("test"); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
        }
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), USER, "");
    }

    private static String url(String database) {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
