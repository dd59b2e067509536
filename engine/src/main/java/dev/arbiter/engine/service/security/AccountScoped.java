package dev.arbiter.engine.service.security;

/** A machine caller that acts for some accounts only: an API key or an identity provider's token. */
interface AccountScoped {

    boolean actsFor(String accountId);

    /** Who it is, as refusals name it: {@code key 'desk-a'}, {@code token of 'desk-a'}. */
    String caller();
}
