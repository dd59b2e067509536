package dev.arbiter.cluster.core;

import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.engine.decision.InvalidRequestException;
import dev.arbiter.engine.decision.RuleRelease;
import dev.arbiter.engine.json.ArbiterJson;
import dev.arbiter.engine.json.JsonInputErrors;
import dev.arbiter.rules.pack.LimitSet;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;

/**
 * The desk's limits across its accounts, kept when accounts are decided on different workers: each budget is leased
 * to the accounts, each lease a share no other account can use, and the leases add up to no more than the budget. An
 * account is decided with its leases as its own limits ({@code max-gross-exposure}, {@code max-venue-exposure}, or
 * the rule pack's own where lower), so the rules, the sizing, the proof and the explanation all hold it to its leases
 * by each limit's one definition, and the desk's totals hold by arithmetic: no worker needs to know what the others
 * decide, and no decision waits for another. An account a budget does not list has no lease of it: it may not add
 * that exposure (fail closed).
 *
 * @param grossExposure the desk's gross exposure across all its accounts, or null when the desk sets none
 * @param venueExposure the desk's exposure at any one venue across all its accounts, or null when the desk sets none;
 *                      an account's lease is what it may hold at each venue, so at every venue the desk holds no more
 *                      than the leases' sum
 */
public record DeskLimits(Budget grossExposure, Budget venueExposure) {

    /**
     * One desk-wide budget and its leases.
     *
     * @param limit  the desk's total, a positive amount
     * @param leases each account's share of it, 0 or more, adding up to no more than {@code limit}
     */
    public record Budget(BigDecimal limit, Map<String, BigDecimal> leases) {

        public Budget {
            leases = leases == null ? null : new TreeMap<>(leases);
        }

        /** The account's lease: 0 for an account the budget does not list. */
        public BigDecimal lease(String accountId) {
            return leases.getOrDefault(accountId, BigDecimal.ZERO);
        }

        private void check(String field) {
            if (limit == null || limit.signum() <= 0) {
                throw new IllegalArgumentException(field + ".limit: " + (limit == null ? "nothing" : limit.toPlainString())
                        + " is not accepted; the desk's limit is a positive amount");
            }
            if (leases == null) {
                throw new IllegalArgumentException(field + ".leases: nothing is not accepted; expected an object of "
                        + "account id to lease, e.g. {\"desk-a\": 7500}");
            }
            BigDecimal leased = BigDecimal.ZERO;
            for (Map.Entry<String, BigDecimal> lease : leases.entrySet()) {
                if (lease.getValue() == null || lease.getValue().signum() < 0) {
                    throw new IllegalArgumentException(field + ".leases." + lease.getKey() + ": " + lease.getValue()
                            + " is not accepted; a lease is an amount of 0 or more");
                }
                leased = leased.add(lease.getValue());
            }
            if (leased.compareTo(limit) > 0) {
                throw new IllegalArgumentException(field + ".leases: they add up to " + leased.toPlainString()
                        + ", more than the desk's limit of " + limit.toPlainString()
                        + "; the leases must add up to no more than the limit");
            }
        }
    }

    public DeskLimits {
        if (grossExposure == null && venueExposure == null) {
            throw new IllegalArgumentException("grossExposure, venueExposure: neither is given; expected at least one "
                    + "of them, e.g. {\"grossExposure\": {\"limit\": 30000, \"leases\": {\"desk-a\": 7500}}}");
        }
        if (grossExposure != null) {
            grossExposure.check("grossExposure");
        }
        if (venueExposure != null) {
            venueExposure.check("venueExposure");
        }
    }

    /**
     * Reads {@code {"grossExposure": {"limit": 30000, "leases": {"account": 7500, ...}}, "venueExposure": {...}}}.
     *
     * @throws IllegalArgumentException in our words, naming the field, the value and what is accepted
     */
    public static DeskLimits fromJson(String json) {
        try {
            return ArbiterJson.input().readValue(json, DeskLimits.class);
        } catch (JacksonException e) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof IllegalArgumentException own && !(cause instanceof JacksonException)) {
                    throw new IllegalArgumentException(own.getMessage(), e);
                }
            }
            InvalidRequestException refused = JsonInputErrors.translate(e);
            throw new IllegalArgumentException(refused.field() + ": " + refused.value() + " is not accepted; expected "
                    + refused.accepted(), e);
        }
    }

    /** The release an account is decided with: {@code release} with the account's leases as its limits. */
    public RuleRelease leased(RuleRelease release, String accountId) {
        return new RuleRelease(release.rules(), leased(release.limits(), accountId), release.parameters(),
                release.instruments());
    }

    /** The limits an account is decided with: each leased limit the lower of the account's lease and the pack's own. */
    public LimitSet leased(LimitSet limits, String accountId) {
        LimitSet leased = limits;
        if (grossExposure != null) {
            leased = leased.with(DecisionPipeline.MAX_GROSS_EXPOSURE,
                    grossExposure.lease(accountId).min(limits.require(DecisionPipeline.MAX_GROSS_EXPOSURE)));
        }
        if (venueExposure != null) {
            BigDecimal own = limits.values().get(DecisionPipeline.MAX_VENUE_EXPOSURE);
            BigDecimal lease = venueExposure.lease(accountId);
            leased = leased.with(DecisionPipeline.MAX_VENUE_EXPOSURE, own == null ? lease : lease.min(own));
        }
        return leased;
    }
}
