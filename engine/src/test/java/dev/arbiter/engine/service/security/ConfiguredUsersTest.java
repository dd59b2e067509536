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

        UserDetailsService embedded = configuration.users("", "jdbc:h2:file:./var/arbiter");
        assertThat(embedded.loadUserByUsername("trader").getPassword()).isEqualTo("{noop}trader-demo");

        assertThatThrownBy(() -> configuration.users("", "jdbc:postgresql://db:5432/arbiter"))
                .hasMessageContaining("no users are configured").hasMessageContaining("ARBITER_USERS");
        UserDetailsService configured = configuration.users("ops:{noop}pw:admin", "jdbc:postgresql://db:5432/arbiter");
        assertThat(configured.loadUserByUsername("ops").getAuthorities()).extracting(Object::toString).containsExactly("ROLE_admin");
    }
}
