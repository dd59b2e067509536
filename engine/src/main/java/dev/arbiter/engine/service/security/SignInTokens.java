package dev.arbiter.engine.service.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Short-lived tokens for people: a person signs in once with a password (one bcrypt round) and then presents the
 * token ({@code Authorization: Bearer st_...}), which costs a SHA-256 and a map lookup like an API key. Tokens are
 * kept in memory as their hashes only, end at a fixed time after sign-in, and are gone when the service restarts
 * (the person signs in again).
 */
public final class SignInTokens {

    /** What marks a sign-in token apart from an API key. */
    public static final String PREFIX = "st_";

    /** Who signed in, with which roles, until when. */
    public record SignedIn(String user, List<String> roles, Instant expiresAt) {
    }

    /** A token just issued: the secret is shown to its holder once and never stored. */
    public record Issued(String token, SignedIn signedIn) {
    }

    private final Clock clock;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, SignedIn> byHash = new ConcurrentHashMap<>();

    public SignInTokens(Clock clock, Duration lifetime) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("arbiter.sign-in.lifetime: " + lifetime + " is not accepted; expected a"
                    + " positive duration such as PT1H");
        }
        this.lifetime = lifetime;
    }

    public Issued issue(String user, List<String> roles) {
        dropExpired();
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        SignedIn signedIn = new SignedIn(user, List.copyOf(roles), clock.instant().plus(lifetime));
        byHash.put(hash(token), signedIn);
        return new Issued(token, signedIn);
    }

    /** The person a token signs in, while it has not expired or been signed out. */
    public Optional<SignedIn> find(String token) {
        String hash = hash(token);
        SignedIn found = byHash.get(hash);
        if (found == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(found.expiresAt())) {
            byHash.remove(hash, found);
            return Optional.empty();
        }
        return Optional.of(found);
    }

    /** Ends a token before its time; signing out twice is harmless. */
    public void signOut(String token) {
        byHash.remove(hash(token));
    }

    public int size() {
        return byHash.size();
    }

    private void dropExpired() {
        Instant now = clock.instant();
        byHash.values().removeIf(signedIn -> !now.isBefore(signedIn.expiresAt()));
    }

    /** Looked up by the hash of the token, as API keys are: the secret itself is never kept. */
    private static String hash(String token) {
        return HexFormat.of().formatHex(ApiKeys.sha256(token));
    }
}
