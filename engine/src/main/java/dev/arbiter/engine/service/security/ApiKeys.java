package dev.arbiter.engine.service.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * API keys for machine clients, from configuration ({@code arbiter.api-keys}, environment {@code ARBITER_API_KEYS}):
 * {@code name:sha256-hex:role[,role]:account[,account];...}, accounts {@code *} for all. Only the key's SHA-256 is
 * kept; a presented key is hashed once and its hash compared in constant time. A key is high-entropy, so its hash
 * names it: finding the entry by hash tells nothing a guess could use.
 */
public final class ApiKeys {

    /** Every account, written {@code *}. */
    public static final String ALL_ACCOUNTS = "*";

    /** The embedded default's demo keys: documented, printed at start-up, never used beyond a local trial. */
    public static final List<String> DEMO = List.of("arbiter-demo-trader", "arbiter-demo-risk-officer",
            "arbiter-demo-auditor", "arbiter-demo-admin");

    /** One configured key: its name, the hash of its secret, its roles and the accounts it acts for. */
    public record Key(String name, byte[] sha256, List<String> roles, Set<String> accounts) {

        public boolean actsFor(String accountId) {
            return accounts.contains(ALL_ACCOUNTS) || accounts.contains(accountId);
        }

        @Override
        public String toString() {
            return "Key[" + name + ", roles " + roles + ", accounts " + accounts + "]"; // never the hash
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && name.equals(key.name) && Arrays.equals(sha256, key.sha256)
                    && roles.equals(key.roles) && accounts.equals(key.accounts);
        }

        @Override
        public int hashCode() {
            return name.hashCode();
        }
    }

    private final Map<String, Key> byHash;

    private ApiKeys(Map<String, Key> byHash) {
        this.byHash = Map.copyOf(byHash);
    }

    public static ApiKeys of(List<Key> keys) {
        Map<String, Key> byHash = new HashMap<>();
        keys.forEach(k -> byHash.put(HexFormat.of().formatHex(k.sha256()), k));
        return new ApiKeys(byHash);
    }

    public static ApiKeys parse(String spec) {
        Map<String, Key> byHash = new HashMap<>();
        if (spec == null || spec.isBlank()) {
            return new ApiKeys(byHash);
        }
        Set<String> names = new TreeSet<>();
        String[] entries = spec.split(";");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].trim();
            if (entry.isEmpty()) {
                continue;
            }
            String where = "arbiter.api-keys entry " + (i + 1);
            String[] parts = entry.split(":", -1);
            if (parts.length != 4 || Arrays.stream(parts).anyMatch(String::isBlank)) {
                throw new IllegalArgumentException(where + " is not accepted; expected name:sha256-hex:role[,role]:account[,account]"
                        + " (accounts * for all)");
            }
            String name = parts[0].trim();
            String hash = parts[1].trim().toLowerCase(java.util.Locale.ROOT);
            if (!hash.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException(where + " (" + name + "): the hash is not accepted; expected the key's"
                        + " SHA-256 as 64 hexadecimal digits (./arbiter keys new prints a key and its line)");
            }
            List<String> roles = Arrays.stream(parts[2].split(",")).map(String::trim).toList();
            Roles.requireKnown(where + " (" + name + ")", roles);
            Set<String> accounts = new TreeSet<>(Arrays.stream(parts[3].split(",")).map(String::trim).toList());
            if (!names.add(name)) {
                throw new IllegalArgumentException(where + ": key '" + name + "' is listed twice");
            }
            if (byHash.put(hash, new Key(name, HexFormat.of().parseHex(hash), roles, Set.copyOf(accounts))) != null) {
                throw new IllegalArgumentException(where + " (" + name + "): the same key is listed twice");
            }
        }
        return new ApiKeys(byHash);
    }

    /** The demo keys, one per role, each for every account. */
    public static ApiKeys demo() {
        return of(List.of(demoKey("arbiter-demo-trader", Roles.TRADER), demoKey("arbiter-demo-risk-officer", Roles.RISK_OFFICER),
                demoKey("arbiter-demo-auditor", Roles.AUDITOR), demoKey("arbiter-demo-admin", Roles.ADMIN)));
    }

    private static Key demoKey(String secret, String role) {
        return new Key(secret.substring("arbiter-".length()), sha256(secret), List.of(role), Set.of(ALL_ACCOUNTS));
    }

    /** The key a client presented, if it is configured. */
    public Optional<Key> find(String presented) {
        byte[] hash = sha256(presented);
        Key key = byHash.get(HexFormat.of().formatHex(hash));
        return key != null && MessageDigest.isEqual(hash, key.sha256()) ? Optional.of(key) : Optional.empty();
    }

    public boolean isEmpty() {
        return byHash.isEmpty();
    }

    public int size() {
        return byHash.size();
    }

    public List<Key> keys() {
        return byHash.values().stream().sorted(java.util.Comparator.comparing(Key::name)).toList();
    }

    public static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
