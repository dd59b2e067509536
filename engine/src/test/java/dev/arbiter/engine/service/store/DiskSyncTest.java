package dev.arbiter.engine.service.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

class DiskSyncTest {

    private record Span(long started, long ended) {
    }

    @Test
    void everyCallerReturnsAfterAForceThatStartedAfterItAskedAndOverlappingCallersShareForces() throws Exception {
        List<Span> forces = new CopyOnWriteArrayList<>();
        DiskSync disk = new DiskSync(() -> {
            long started = System.nanoTime();
            sleep(20);
            forces.add(new Span(started, System.nanoTime()));
        });
        int callers = 16;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        List<Future<Span>> calls = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            calls.add(pool.submit(() -> {
                go.await();
                long asked = System.nanoTime();
                disk.awaitDurable();
                return new Span(asked, System.nanoTime());
            }));
        }
        go.countDown();
        for (Future<Span> call : calls) {
            Span span = call.get();
            assertThat(forces).as("a force that started after the caller asked and ended before it returned")
                    .anySatisfy(force -> {
                        assertThat(force.started()).isGreaterThanOrEqualTo(span.started());
                        assertThat(force.ended()).isLessThanOrEqualTo(span.ended());
                    });
        }
        pool.shutdown();
        assertThat(disk.forceCount()).isEqualTo(forces.size()).isBetween(1L, (long) callers - 1);
    }

    @Test
    void aFailedForceIsNotAnAcknowledgementAndTheNextCallerForcesAgain() {
        AtomicBoolean fail = new AtomicBoolean(true);
        DiskSync disk = new DiskSync(() -> {
            if (fail.get()) {
                throw new IllegalStateException("device error");
            }
        });
        assertThatThrownBy(disk::awaitDurable).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("could not write its file");
        fail.set(false);
        disk.awaitDurable();
        assertThat(disk.forceCount()).isEqualTo(1);
    }

    @ParameterizedTest(name = "forced to the disk: {0}")
    @ValueSource(booleans = {true, false})
    void anH2FilesCommitsReachTheFileOnlyOnceWrittenForAnAcknowledgement(boolean forceToDisk,
                                                                         @TempDir Path dir) throws Exception {
        // a write delay of ten minutes: H2's background writer stays out of the way, so what reaches the file here
        // was written by the shared write alone
        String url = "jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=600000";
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(url, "sa", "", true));
        jdbc.execute("create table t (id int primary key)");
        jdbc.execute("CHECKPOINT");
        DiskSync disk = DiskSync.forDatabase(url, jdbc, forceToDisk);
        assertThat(disk.forces()).isTrue();

        jdbc.update("insert into t values (1)");
        assertThat(rowsInACopyOfTheFile(dir, "committed")).as("committed, not yet written").isZero();
        disk.awaitDurable();
        assertThat(rowsInACopyOfTheFile(dir, "acknowledged")).as("written for the acknowledgement").isEqualTo(1);
        assertThat(disk.forceCount()).isEqualTo(1);
        jdbc.execute("SHUTDOWN");
    }

    @Test
    void neitherAnInMemoryDatabaseNorPostgresNeedsAWrite() {
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource("jdbc:h2:mem:x", "sa", ""));
        assertThat(DiskSync.forDatabase("jdbc:h2:mem:x", jdbc, true).forces()).isFalse();
        assertThat(DiskSync.forDatabase("jdbc:postgresql://127.0.0.1:5432/arbiter", jdbc, true).forces()).isFalse();
    }

    /** Opens a copy of the database's file as it is on the disk now: what a killed process would restart from. */
    private static int rowsInACopyOfTheFile(Path dir, String name) throws Exception {
        Path copy = dir.resolve(name + ".mv.db");
        Files.copy(dir.resolve("db.mv.db"), copy);
        String url = "jdbc:h2:file:" + dir.resolve(name);
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            return new JdbcTemplate(new SingleConnectionDataSource(connection, true))
                    .queryForObject("select count(*) from t", Integer.class);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
