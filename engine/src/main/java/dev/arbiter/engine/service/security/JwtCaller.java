package dev.arbiter.engine.service.security;

import java.util.List;
import java.util.Set;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A request authenticated by an identity provider's JWT: the roles in its {@code roles} claim (those Arbiter knows),
 * the accounts in its {@code accounts} claim ({@code *} for all; none when absent).
 */
final class JwtCaller extends AbstractAuthenticationToken implements AccountScoped {

    /** Claim listing the token's roles, from {@link Roles#ALL}. */
    static final String ROLES = "roles";
    /** Claim listing the accounts the token acts for. */
    static final String ACCOUNTS = "accounts";

    private final Jwt token;
    private final Set<String> accounts;

    private JwtCaller(Jwt token, List<String> roles, Set<String> accounts) {
        super(Roles.authorities(roles));
        this.token = token;
        this.accounts = accounts;
        setAuthenticated(true);
    }

    static JwtCaller of(Jwt token) {
        List<String> claimed = token.hasClaim(ROLES) ? token.getClaimAsStringList(ROLES) : List.of();
        List<String> roles = claimed == null ? List.of() : claimed.stream().filter(Roles.ALL::contains).toList();
        List<String> accounts = token.hasClaim(ACCOUNTS) ? token.getClaimAsStringList(ACCOUNTS) : List.of();
        return new JwtCaller(token, roles, Set.copyOf(accounts == null ? List.of() : accounts));
    }

    @Override
    public boolean actsFor(String accountId) {
        return accounts.contains(ApiKeys.ALL_ACCOUNTS) || accounts.contains(accountId);
    }

    @Override
    public String caller() {
        return "token of '" + token.getSubject() + "'";
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return token.getSubject();
    }

    @Override
    public String getName() {
        return "jwt:" + token.getSubject();
    }

    /** Whether a bearer token is a JWT (three base64url parts) rather than an API key. */
    static boolean looksLikeJwt(String token) {
        return token.chars().filter(c -> c == '.').count() == 2 && token.startsWith("eyJ");
    }
}
