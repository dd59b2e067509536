package dev.arbiter.engine.stream;

import dev.arbiter.engine.decision.DecisionResult;
import dev.arbiter.engine.json.CanonicalJson;
import dev.arbiter.engine.json.Timings;
import dev.arbiter.engine.service.store.AuditRecord;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One answer of the job, as the decisions topic carries it (keyed by account): a link of the account's own hash
 * chain. {@code recordHash} is the service's audit-record hash of the other fields ({@link AuditRecord#hashOf}), so
 * an account's records verify the way the service's audit chain does, and a record edited, dropped, repeated or
 * reordered breaks it.
 *
 * @param seq        1 for the account's first record, then one more per record
 * @param kind       {@link Kind}
 * @param subject    what it answers: the decision id, the event's key or its type and time
 * @param recordedAt the input's own time (a decision's {@code asOf}, an event's {@code at}): never a clock's
 * @param payload    canonical JSON: the decision and its trace, the refusal, or the event as applied
 */
public record AccountRecord(String accountId, long seq, String kind, String subject, String recordedAt,
                            String payload, String payloadHash, String prevHash, String recordHash) {

    /** What a record answers. */
    public enum Kind {
        /** A decision and its trace, explained. */
        DECISION,
        /** An input the engine refused: the field, the value and what is accepted; nothing of it was applied. */
        REFUSED,
        /** An account event applied (or recognised as a repeat of its key). */
        EVENT
    }

    /**
     * A REFUSED record's {@code field} when the engine failed on the input rather than refused it: a fault, not
     * something wrong with the input, and nothing of the input was applied.
     */
    public static final String FAILED_INSIDE = "(input)";

    /** The hash the first record of an account follows. */
    public static final String GENESIS = "0".repeat(64);

    /**
     * A decision record's payload: the decision and its trace, explained, without the stages' timings (they differ on
     * every run and are not the decision: {@link Timings}).
     */
    public static String decisionPayload(DecisionResult result) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("decision", result.decision());
        payload.put("trace", result.trace());
        return Timings.withoutTimings(payload);
    }

    /** The record after {@code head}: numbered and hashed. */
    public static AccountRecord next(String accountId, Head head, Kind kind, String subject, String recordedAt, String payload) {
        long seq = head.seq() + 1;
        String payloadHash = CanonicalJson.sha256(payload);
        return new AccountRecord(accountId, seq, kind.name(), subject, recordedAt, payload, payloadHash, head.hash(),
                AuditRecord.hashOf(seq, kind.name(), subject, recordedAt, payloadHash, head.hash()));
    }

    /** Whether this record's hashes hold and it follows {@code previous} ({@link Head#START} for the first). */
    public boolean follows(Head previous) {
        return seq == previous.seq() + 1 && prevHash.equals(previous.hash())
                && payloadHash.equals(CanonicalJson.sha256(payload))
                && recordHash.equals(AuditRecord.hashOf(seq, kind, subject, recordedAt, payloadHash, prevHash));
    }

    /** The head of the chain after this record. */
    public Head head() {
        return new Head(seq, recordHash);
    }

    /**
     * Each account's chain as a reader of the decisions topic follows it from where it started reading: a record must
     * follow the account's record read before it. The first record read of an account is taken as it is (a reader
     * starting at the topic's end cannot check what came before). Not thread-safe: one reader.
     */
    public static final class Follower {

        private final Map<String, Head> heads = new HashMap<>();

        /**
         * Reads a record: whether it follows the account's last one read (or is the first read). A record that does not
         * becomes the account's head all the same, so that one break is reported once.
         */
        public boolean follows(AccountRecord record) {
            Head last = heads.put(record.accountId(), record.head());
            return last == null || record.follows(last);
        }

        /** The account's last record read, if any. */
        public Optional<Head> head(String accountId) {
            return Optional.ofNullable(heads.get(accountId));
        }
    }

    /** Where an account's chain stands: its last record's number and hash. Part of the checkpointed state. */
    public record Head(long seq, String hash) {
        public static final Head START = new Head(0, GENESIS);
    }
}
