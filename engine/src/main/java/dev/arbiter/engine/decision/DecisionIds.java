package dev.arbiter.engine.decision;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Decision ids derived from content, so an in-process decision of the same request gets the same id. */
public final class DecisionIds {

    private DecisionIds() {
    }

    public static String fromContent(byte[] request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(request);
            return "dec-" + HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
