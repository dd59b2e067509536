package dev.arbiter.engine.service.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

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
                .hasMessageContaining("could not force");
        fail.set(false);
        disk.awaitDurable();
        assertThat(disk.forceCount()).isEqualTo(1);
    }

    @Test
    void anH2FileIsForcedAndNeitherMemoryNorPostgresNeedsIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        String url = "jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=0";
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url, "sa", ""));
        jdbc.execute("create table t (id int primary key)");
        DiskSync disk = DiskSync.forDatabase(url, jdbc);
        assertThat(disk.forces()).isTrue();
        jdbc.update("insert into t values (1)");
        disk.awaitDurable();
        assertThat(disk.forceCount()).isEqualTo(1);
        assertThat(DiskSync.forDatabase("jdbc:h2:mem:x", jdbc).forces()).isFalse();
        assertThat(DiskSync.forDatabase("jdbc:postgresql://127.0.0.1:5432/arbiter", jdbc).forces()).isFalse();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
