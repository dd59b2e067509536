package dev.arbiter.engine.service.security;

/** The caller's key or token does not act for the account the request names: 403, nothing accepted. */
public final class ForeignAccountException extends RuntimeException {

    private final String accountId;

    ForeignAccountException(String caller, String accountId) {
        super(caller + " does not act for account '" + accountId + "'; nothing in this request was accepted"
                + " (a key acts only for the accounts configured with it in arbiter.api-keys, a token for those in its"
                + " accounts claim)");
        this.accountId = accountId;
    }

    public String accountId() {
        return accountId;
    }
}
