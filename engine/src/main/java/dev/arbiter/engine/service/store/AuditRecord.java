package dev.arbiter.engine.service.store;

import dev.arbiter.engine.json.CanonicalJson;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One link of the audit chain: which row it vouches for (kind, subject, the row's hash) and the
 * previous record's hash. {@code recordHash} is the SHA-256 of the canonical JSON of all other fields.
 */
public record AuditRecord(long seq, AuditKind kind, String subject, String recordedAt, String payloadHash,
                          String prevHash, String recordHash) {

    static AuditRecord chained(long seq, AuditKind kind, String subject, String recordedAt, String payloadHash,
                               String prevHash) {
        return new AuditRecord(seq, kind, subject, recordedAt, payloadHash, prevHash,
                hashOf(seq, kind.name(), subject, recordedAt, payloadHash, prevHash));
    }

    /** A record's hash: the chain's one definition, shared with the chains the cluster job writes per account. */
    public static String hashOf(long seq, String kind, String subject, String recordedAt, String payloadHash, String prevHash) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("seq", seq);
        fields.put("kind", kind);
        fields.put("subject", subject);
        fields.put("recordedAt", recordedAt);
        fields.put("payloadHash", payloadHash);
        fields.put("prevHash", prevHash);
        return CanonicalJson.sha256(CanonicalJson.write(fields));
    }
}
