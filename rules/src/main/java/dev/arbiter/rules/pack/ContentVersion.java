package dev.arbiter.rules.pack;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Versions derived from content: the first 12 hex digits of a SHA-256 over the parts, each followed
 * by a NUL so that ("ab", "c") and ("a", "bc") differ. Same content, same version, on any machine.
 */
final class ContentVersion {

    private final MessageDigest sha;

    private ContentVersion() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    static ContentVersion start() {
        return new ContentVersion();
    }

    ContentVersion add(String part) {
        sha.update(part.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        return this;
    }

    String version(String prefix) {
        return prefix + HexFormat.of().formatHex(sha.digest()).substring(0, 12);
    }
}
