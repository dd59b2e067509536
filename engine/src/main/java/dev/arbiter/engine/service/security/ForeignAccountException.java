package dev.arbiter.engine.service.security;

/** The caller's key does not act for the account the request names: 403, nothing accepted. */
public final class ForeignAccountException extends RuntimeException {

    private final String accountId;

    ForeignAccountException(String keyName, String accountId) {
        super("key '" + keyName + "' does not act for account '" + accountId + "'; nothing in this request was accepted"
                + " (a key acts only for the accounts configured with it in arbiter.api-keys)");
        this.accountId = accountId;
    }

    public String accountId() {
        return accountId;
    }
}
