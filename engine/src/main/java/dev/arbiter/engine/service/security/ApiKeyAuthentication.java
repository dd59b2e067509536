package dev.arbiter.engine.service.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A request authenticated by an API key: its roles, and the accounts it may act for. */
public final class ApiKeyAuthentication extends AbstractAuthenticationToken implements AccountScoped {

    private final ApiKeys.Key key;

    ApiKeyAuthentication(ApiKeys.Key key) {
        super(Roles.authorities(key.roles()));
        this.key = key;
        setAuthenticated(true);
    }

    public ApiKeys.Key key() {
        return key;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return "key:" + key.name();
    }

    @Override
    public String getName() {
        return "key:" + key.name();
    }

    @Override
    public boolean actsFor(String accountId) {
        return key.actsFor(accountId);
    }

    @Override
    public String caller() {
        return "key '" + key.name() + "'";
    }
}
