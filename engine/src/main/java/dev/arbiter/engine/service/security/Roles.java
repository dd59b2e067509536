package dev.arbiter.engine.service.security;

import java.util.List;

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

    /** @throws IllegalArgumentException naming {@code where} and the first role that is not one of {@link #ALL} */
    static void requireKnown(String where, List<String> roles) {
        for (String role : roles) {
            if (!ALL.contains(role)) {
                throw new IllegalArgumentException(where + ": role '" + role + "' is not accepted; expected one of " + ALL);
            }
        }
    }

    private Roles() {
    }
}
