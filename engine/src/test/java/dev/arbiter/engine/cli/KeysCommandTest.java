package dev.arbiter.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.engine.service.security.ApiKeys;
import org.junit.jupiter.api.Test;

class KeysCommandTest {

    @Test
    void aNewKeyComesWithTheEntryThatAdmitsIt() {
        CliOutput out = CliOutput.of(() -> ArbiterCli.execute("keys", "new", "desk-a", "--roles", "trader", "--accounts", "acct-a,acct-b"));

        assertThat(out.exitCode()).isZero();
        String key = line(out.stdout(), "key:   ");
        String entry = line(out.stdout(), "entry: ");
        assertThat(key).startsWith("ak_").hasSizeGreaterThan(40);
        assertThat(entry).startsWith("desk-a:").endsWith(":trader:acct-a,acct-b").doesNotContain(key);
        assertThat(ApiKeys.parse(entry).find(key)).hasValueSatisfying(k -> {
            assertThat(k.actsFor("acct-b")).isTrue();
            assertThat(k.actsFor("acct-c")).isFalse();
        });
        CliOutput again = CliOutput.of(() -> ArbiterCli.execute("keys", "new", "desk-a"));
        assertThat(line(again.stdout(), "key:   ")).isNotEqualTo(key);
    }

    @Test
    void anUnknownRoleIsRefused() {
        CliOutput out = CliOutput.of(() -> ArbiterCli.execute("keys", "new", "desk-a", "--roles", "pilot"));
        assertThat(out.exitCode()).isEqualTo(2);
        assertThat(out.stderr()).contains("--roles: 'pilot' is not accepted; expected one of [trader, risk-officer, auditor, admin]");
    }

    private static String line(String output, String prefix) {
        return output.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow().substring(prefix.length());
    }
}
