package dev.arbiter.engine.service.store;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The only writer of audited rows. Each row is stored together with its audit record (the hash of
 * the row and of the record before it) in one transaction; rows queued while a commit is under way
 * share the next commit (group commit). A row's future completes only after its commit returned, so
 * whoever waits on it may acknowledge: the row is durably stored and chained.
 */
public final class AuditLog implements AutoCloseable {

    public static final String GENESIS = "0".repeat(64);
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    private static final int MAX_BATCH = 256;
    private static final int WINDOWS_REMEMBERED = 4096;

    private record Pending(AuditKind kind, String subject, Map<String, Object> row, CompletableFuture<Long> done) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean running = true;
    private long lastSeq;
    private String lastHash;
    /**
     * The names of trace windows committed by this writer, the most recent kept: every check of an instrument names the
     * same window until its next bar, and a window known to be stored is not looked up again. Only the writer's
     * thread uses it.
     */
    private final Map<String, Boolean> windowsCommitted = new LinkedHashMap<>(WINDOWS_REMEMBERED, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > WINDOWS_REMEMBERED;
        }
    };

    public AuditLog(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        readTail();
        this.writer = Thread.ofPlatform().name("arbiter-audit-writer").daemon(true).start(this::writeLoop);
    }

    /**
     * Queues a row of {@code kind} for storage with its audit record.
     *
     * @return completes with the record's sequence number once committed, or exceptionally if the
     * row could not be stored (then nothing of it is stored)
     */
    public CompletableFuture<Long> append(AuditKind kind, String subject, Map<String, Object> row) {
        CompletableFuture<Long> done = new CompletableFuture<>();
        if (!running) {
            done.completeExceptionally(new IllegalStateException("the audit log is closed; nothing was stored"));
            return done;
        }
        queue.add(new Pending(kind, subject, new LinkedHashMap<>(row), done));
        return done;
    }

    private void readTail() {
        List<Map<String, Object>> tail = jdbc.queryForList(
                "select seq, record_hash from audit_record order by seq desc limit 1");
        lastSeq = tail.isEmpty() ? 0 : ((Number) tail.getFirst().get("seq")).longValue();
        lastHash = tail.isEmpty() ? GENESIS : (String) tail.getFirst().get("record_hash");
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            } finally {
                batch.clear();
            }
        }
        Pending left;
        while ((left = queue.poll()) != null) {
            left.done().completeExceptionally(new IllegalStateException("the audit log closed; nothing was stored"));
        }
    }

    private void commit(List<Pending> batch) {
        long seqBefore = lastSeq;
        String hashBefore = lastHash;
        try {
            List<Long> seqs = transactions.execute(status -> batch.stream().map(this::write).toList());
            batch.forEach(pending -> pending.kind().windows(pending.row())
                    .ifPresent(windows -> windows.keySet().forEach(name -> windowsCommitted.put(name, Boolean.TRUE))));
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).done().complete(seqs.get(i));
            }
        } catch (RuntimeException batchFailure) {
            lastSeq = seqBefore;
            lastHash = hashBefore;
            if (batch.size() == 1) {
                batch.getFirst().done().completeExceptionally(batchFailure);
                return;
            }
            // One bad row (e.g. a reused idempotency key) must not cost the others: retry each alone.
            for (Pending pending : batch) {
                commit(List.of(pending));
            }
        }
    }

    private long write(Pending pending) {
        pending.kind().insert(jdbc, pending.row(), windowsCommitted::containsKey);
        Map<String, String> stored = pending.kind().asWritten(pending.row())
                .or(() -> pending.kind().load(jdbc, pending.subject()))
                .orElseThrow(() -> new IllegalStateException(pending.kind() + " " + pending.subject()
                        + " vanished while being stored"));
        String payloadHash = AuditKind.payloadHash(stored);
        long seq = lastSeq + 1;
        AuditRecord record = AuditRecord.chained(seq, pending.kind(), pending.subject(), clock.instant().toString(),
                payloadHash, lastHash);
        jdbc.update("insert into audit_record (seq, kind, subject, recorded_at, payload_hash, prev_hash, record_hash)"
                        + " values (?, ?, ?, ?, ?, ?, ?)", record.seq(), record.kind().name(), record.subject(),
                record.recordedAt(), record.payloadHash(), record.prevHash(), record.recordHash());
        lastSeq = seq;
        lastHash = record.recordHash();
        return seq;
    }

    /** Stops taking rows, commits what is queued, then stops. */
    @Override
    public void close() {
        running = false;
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            LOG.warn("the audit writer did not finish within 10 s; unacknowledged rows may not be stored");
        }
    }
}
