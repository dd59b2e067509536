package dev.arbiter.engine.service.security;

import java.util.function.Predicate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Which accounts the caller may act for: an API key or a token names its own; people (HTTP Basic) act for every account their
 * roles admit. Called where each endpoint reads the account, before anything is accepted.
 */
public final class AccountScope {

    private AccountScope() {
    }

    /** @throws ForeignAccountException when the caller's key does not act for {@code accountId} */
    public static void check(String accountId) {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller instanceof AccountScoped scoped && !scoped.actsFor(accountId)) {
            throw new ForeignAccountException(scoped.caller(), accountId);
        }
    }

    /** The caller's {@link #permits} as it stands now, for work that goes on in another thread (a stream). */
    public static Predicate<String> permitsNow() {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        return accountId -> !(caller instanceof AccountScoped scoped) || scoped.actsFor(accountId);
    }

    /** Whether the caller may see {@code accountId}'s records (a listing leaves out the others). */
    public static boolean permits(String accountId) {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        return !(caller instanceof AccountScoped scoped) || scoped.actsFor(accountId);
    }
}
