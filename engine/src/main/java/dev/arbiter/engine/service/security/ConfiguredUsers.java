package dev.arbiter.engine.service.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Users from configuration ({@code arbiter.users}, environment {@code ARBITER_USERS}):
 * {@code name:{bcrypt}hash:role[,role];name:...}. Passwords are stored encoded, with the encoder's id
 * in braces as Spring Security writes it; the text is never logged.
 */
public final class ConfiguredUsers {

    /** One user: name, encoded password, roles. */
    public record User(String name, String encodedPassword, List<String> roles) {

        @Override
        public String toString() {
            return "User[" + name + ", roles " + roles + "]"; // never the password
        }
    }

    private ConfiguredUsers() {
    }

    public static List<User> parse(String spec) {
        List<User> users = new ArrayList<>();
        if (spec == null || spec.isBlank()) {
            return users;
        }
        Set<String> names = new HashSet<>();
        String[] entries = spec.split(";");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].trim();
            if (entry.isEmpty()) {
                continue;
            }
            String[] parts = entry.split(":", 3);
            String where = "arbiter.users entry " + (i + 1);
            if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank() || parts[2].isBlank()) {
                throw new IllegalArgumentException(where + " is not accepted; expected name:{encoder}encoded-password:role[,role]"
                        + " (the entry is not shown: it holds a password)");
            }
            if (!parts[1].startsWith("{")) {
                throw new IllegalArgumentException(where + " (" + parts[0] + "): the password is not accepted; expected it"
                        + " encoded with its encoder id, e.g. {bcrypt}$2a$10$...");
            }
            List<String> roles = Arrays.stream(parts[2].split(",")).map(String::trim).toList();
            Roles.requireKnown(where + " (" + parts[0] + ")", roles);
            if (!names.add(parts[0])) {
                throw new IllegalArgumentException(where + ": user '" + parts[0] + "' is listed twice");
            }
            users.add(new User(parts[0].trim(), parts[1], roles));
        }
        return users;
    }

    /**
     * The embedded default's demo users, one per role, password {@code <name>-demo}. Only ever used
     * with the embedded database; documented in the README and printed at start-up.
     */
    public static List<User> demo() {
        List<User> users = new java.util.ArrayList<>(Roles.ALL.stream()
                .map(role -> new User(role, "{noop}" + role + "-demo", List.of(role))).toList());
        // a second risk officer: a rule-set change needs one officer to upload it and another to approve it
        users.add(new User("risk-officer-2", "{noop}risk-officer-2-demo", List.of(Roles.RISK_OFFICER)));
        return List.copyOf(users);
    }
}
