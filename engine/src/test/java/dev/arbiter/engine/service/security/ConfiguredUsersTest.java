package dev.arbiter.engine.service.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.userdetails.UserDetailsService;

class ConfiguredUsersTest {

    @Test
    void readsUsersWithEncodedPasswordsAndRoles() {
        List<ConfiguredUsers.User> users = ConfiguredUsers.parse(
                "desk-1:{bcrypt}$2a$10$abcdefghijklmnopqrstuv:trader; jane:{noop}s3cret:risk-officer,auditor");

        assertThat(users).extracting(ConfiguredUsers.User::name).containsExactly("desk-1", "jane");
        assertThat(users.get(1).roles()).containsExactly("risk-officer", "auditor");
        assertThat(users.toString()).doesNotContain("s3cret").doesNotContain("$2a$");
    }

    @Test
    void refusesBadEntriesWithoutShowingThePassword() {
        assertThatThrownBy(() -> ConfiguredUsers.parse("jane:plain-secret:trader"))
                .hasMessageContaining("encoded with its encoder id").hasMessageNotContaining("plain-secret");
        assertThatThrownBy(() -> ConfiguredUsers.parse("jane:{noop}pw:boss"))
                .hasMessageContaining("role 'boss' is not accepted").hasMessageContaining("risk-officer");
        assertThatThrownBy(() -> ConfiguredUsers.parse("jane-only-a-name"))
                .hasMessageContaining("expected name:{encoder}encoded-password:role");
        assertThatThrownBy(() -> ConfiguredUsers.parse("a:{noop}x:trader;a:{noop}y:admin"))
                .hasMessageContaining("listed twice");
    }

    @Test
    void demoUsersExistOnlyWithTheEmbeddedDatabase() {
        SecurityConfiguration configuration = new SecurityConfiguration();

        ApiKeys none = ApiKeys.parse("");
        UserDetailsService embedded = configuration.users("", "jdbc:h2:file:./var/arbiter", none);
        assertThat(embedded.loadUserByUsername("trader").getPassword()).isEqualTo("{noop}trader-demo");

        assertThatThrownBy(() -> configuration.users("", "jdbc:postgresql://db:5432/arbiter", none))
                .hasMessageContaining("no users and no API keys are configured").hasMessageContaining("ARBITER_USERS")
                .hasMessageContaining("ARBITER_API_KEYS");
        UserDetailsService configured = configuration.users("ops:{noop}pw:admin", "jdbc:postgresql://db:5432/arbiter", none);
        assertThat(configured.loadUserByUsername("ops").getAuthorities()).extracting(Object::toString).containsExactly("ROLE_admin");
    }

    @Test
    void demoKeysExistOnlyWithTheEmbeddedDatabaseAndNothingConfigured() {
        SecurityConfiguration configuration = new SecurityConfiguration();
        assertThat(configuration.apiKeys("", "", "jdbc:h2:file:./var/arbiter").find("arbiter-demo-trader"))
                .hasValueSatisfying(k -> assertThat(k.roles()).containsExactly(Roles.TRADER));
        assertThat(configuration.apiKeys("", "", "jdbc:postgresql://db:5432/arbiter").isEmpty()).isTrue();
        assertThat(configuration.apiKeys("", "ops:{noop}pw:admin", "jdbc:h2:file:./var/arbiter").isEmpty()).isTrue();
    }

    @Test
    void keyEntriesAreCheckedAndNeverEchoed() {
        String hash = java.util.HexFormat.of().formatHex(ApiKeys.sha256("ak_secret"));
        ApiKeys keys = ApiKeys.parse("desk-a:" + hash + ":trader:acct-a,acct-b");
        assertThat(keys.find("ak_secret")).hasValueSatisfying(k -> {
            assertThat(k.actsFor("acct-b")).isTrue();
            assertThat(k.actsFor("acct-c")).isFalse();
        });
        assertThat(keys.find("ak_other")).isEmpty();
        assertThatThrownBy(() -> ApiKeys.parse("desk-a:abc:trader:*"))
                .hasMessage("arbiter.api-keys entry 1 (desk-a): the hash is not accepted; expected the key's SHA-256 as 64"
                        + " hexadecimal digits (./arbiter keys new prints a key and its line)");
        assertThatThrownBy(() -> ApiKeys.parse("desk-a:" + hash + ":pilot:*"))
                .hasMessageContaining("role 'pilot' is not accepted");
        assertThatThrownBy(() -> ApiKeys.parse("desk-a:" + hash + ":trader"))
                .hasMessageContaining("expected name:sha256-hex:role[,role]:account[,account]").hasMessageNotContaining(hash);
    }
}
