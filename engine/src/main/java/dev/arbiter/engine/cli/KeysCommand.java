package dev.arbiter.engine.cli;

import dev.arbiter.engine.service.security.ApiKeys;
import dev.arbiter.engine.service.security.Roles;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code arbiter keys new NAME}: a fresh API key and the configuration line that admits it. */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Make API keys for machine clients.",
        subcommands = KeysCommand.New.class)
final class KeysCommand implements Runnable {

    @Override
    public void run() {
        System.err.println("Missing command: choose new");
    }

    @Command(name = "new", mixinStandardHelpOptions = true,
            description = {"Print a fresh API key (256 random bits) and its arbiter.api-keys entry, which holds only the"
                    + " key's SHA-256. Give the key to the client once; it is not kept anywhere."})
    static final class New implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "NAME", description = "the key's name, shown in logs and the audit trail")
        private String name;

        @Option(names = "--roles", split = ",", defaultValue = Roles.TRADER, paramLabel = "ROLE",
                description = "roles the key carries (default: ${DEFAULT-VALUE}); from " + "trader, risk-officer, auditor, admin")
        private List<String> roles;

        @Option(names = "--accounts", split = ",", defaultValue = ApiKeys.ALL_ACCOUNTS, paramLabel = "ACCOUNT",
                description = "accounts the key acts for (default: ${DEFAULT-VALUE}, every account)")
        private List<String> accounts;

        @Override
        public Integer call() {
            if (name.isBlank() || name.contains(":") || name.contains(";")) {
                System.err.println("NAME: '" + name + "' is not accepted; expected a name without ':' or ';'");
                return 2;
            }
            for (String role : roles) {
                if (!Roles.ALL.contains(role)) {
                    System.err.println("--roles: '" + role + "' is not accepted; expected one of " + Roles.ALL);
                    return 2;
                }
            }
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            String key = "ak_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            String entry = name + ":" + HexFormat.of().formatHex(ApiKeys.sha256(key)) + ":" + String.join(",", roles) + ":"
                    + String.join(",", accounts);
            ApiKeys.parse(entry); // the line must read back as written
            System.out.println("key:   " + key);
            System.out.println("entry: " + entry);
            System.out.println("Add the entry to arbiter.api-keys (ARBITER_API_KEYS, entries separated by ';');"
                    + " the client sends Authorization: Bearer <key>.");
            return 0;
        }
    }
}
