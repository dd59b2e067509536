package dev.arbiter.engine.service.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignInTokensTest {

    /** A clock the test moves by hand. */
    private static final class Hand extends Clock {
        private Instant now = Instant.parse("2026-12-06T09:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void aTokenSignsItsPersonInUntilItEndsOrIsSignedOut() {
        Hand clock = new Hand();
        SignInTokens tokens = new SignInTokens(clock, Duration.ofMinutes(60));
        SignInTokens.Issued issued = tokens.issue("jane", List.of("auditor", "risk-officer"));

        assertThat(issued.token()).startsWith(SignInTokens.PREFIX).hasSizeGreaterThan(40);
        assertThat(issued.signedIn().expiresAt()).isEqualTo(Instant.parse("2026-12-06T10:00:00Z"));
        assertThat(tokens.find(issued.token())).contains(issued.signedIn());
        assertThat(tokens.find(issued.token() + "x")).isEmpty();

        clock.now = Instant.parse("2026-12-06T09:59:59Z");
        assertThat(tokens.find(issued.token())).isPresent();
        clock.now = Instant.parse("2026-12-06T10:00:00Z");
        assertThat(tokens.find(issued.token())).as("ended at its expiry").isEmpty();
        assertThat(tokens.size()).isZero();

        SignInTokens.Issued again = tokens.issue("jane", List.of("auditor"));
        assertThat(again.token()).isNotEqualTo(issued.token());
        tokens.signOut(again.token());
        tokens.signOut(again.token());
        assertThat(tokens.find(again.token())).isEmpty();
    }

    @Test
    void expiredTokensAreDroppedWhenTheNextIsIssued() {
        Hand clock = new Hand();
        SignInTokens tokens = new SignInTokens(clock, Duration.ofMinutes(5));
        tokens.issue("a", List.of("trader"));
        tokens.issue("b", List.of("trader"));
        clock.now = clock.now.plus(Duration.ofMinutes(6));
        tokens.issue("c", List.of("trader"));
        assertThat(tokens.size()).isEqualTo(1);
    }

    @Test
    void aLifetimeThatIsNotPositiveIsRefusedByName() {
        assertThatThrownBy(() -> new SignInTokens(Clock.systemUTC(), Duration.ZERO))
                .hasMessageContaining("arbiter.sign-in.lifetime").hasMessageContaining("PT0S");
    }
}
