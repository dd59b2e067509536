package dev.arbiter.engine.service.security;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The roles a user can hold; each endpoint names the roles it admits. */
public final class Roles {

    /** Decisions, checks, market data, fills. */
    public static final String TRADER = "trader";
    /** Rule sets, limits, trading state. */
    public static final String RISK_OFFICER = "risk-officer";
    /** Reads traces and reports, explains, verifies the audit chain. */
    public static final String AUDITOR = "auditor";
    /** Everything, and the operational endpoints (metrics). */
    public static final String ADMIN = "admin";

    public static final List<String> ALL = List.of(TRADER, RISK_OFFICER, AUDITOR, ADMIN);

    /** How Spring Security names a role among a caller's authorities. */
    private static final String PREFIX = "ROLE_";

    /** @throws IllegalArgumentException naming {@code where} and the first role that is not one of {@link #ALL} */
    static void requireKnown(String where, List<String> roles) {
        for (String role : roles) {
            if (!ALL.contains(role)) {
                throw new IllegalArgumentException(where + ": role '" + role + "' is not accepted; expected one of " + ALL);
            }
        }
    }

    /** What Spring Security holds for {@code roles}: each as an authority named {@code ROLE_<role>}. */
    static List<GrantedAuthority> authorities(List<String> roles) {
        return roles.stream().<GrantedAuthority>map(role -> new SimpleGrantedAuthority(PREFIX + role)).toList();
    }

    /** The roles an authenticated caller holds, sorted: its {@code ROLE_} authorities without the prefix. */
    public static List<String> of(Authentication caller) {
        return caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(PREFIX)).map(authority -> authority.substring(PREFIX.length()))
                .sorted().toList();
    }

    private Roles() {
    }
}
